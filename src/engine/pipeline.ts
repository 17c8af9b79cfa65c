import { C, COUNTERS, closeWeek, resetMetrics } from './metrics/accumulate.ts';
import { refreshTargets, weeklyAttitudes } from './systems/attitudes.ts';
import { careers } from './systems/careers.ts';
import { processCustodyEvents } from './systems/custody.ts';
import { federalEnforcement } from './systems/federal.ts';
import { otherArrests } from './systems/arrests.ts';
import { updateEntanglement, updateNeighbourhoods } from './systems/entanglement.ts';
import { offend, updateOffenderLearning } from './systems/offending.ts';
import { patrol } from './systems/patrol.ts';
import type { World } from './world.ts';

/**
 * One simulated day. This is the only place that decides the order of the systems:
 * custody changes due today, perceived entanglement and attitude targets, federal enforcement, patrol
 * and stops, other arrests, crimes and their handling, criminal careers; then, at the end of each week,
 * the pass over all residents (belief, drift, social influence, snapshot), the neighbourhoods' legal
 * cynicism and visible enforcement, and what offenders learned from the crimes they saw reported.
 */
export function step(w: World): void {
  if (w.day >= w.params.days) return;
  const m = w.metrics;
  // Burn-in leaves no trace in the metrics: they start afresh on day 0.
  if (w.day === 0) {
    resetMetrics(m);
    w.residents.victimisationsAt.start.set(w.residents.victimisations);
    w.residents.reportsAt.start.set(w.residents.reports);
  }
  if (w.day === w.params.activationDay) {
    w.residents.victimisationsAt.activation.set(w.residents.victimisations);
    w.residents.reportsAt.activation.set(w.residents.reports);
    w.residents.trustAtActivation.set(w.residents.trust);
  }
  m.currentPeriod = w.day >= w.params.activationDay ? 1 : 0;
  processCustodyEvents(w);
  updateEntanglement(w);
  refreshTargets(w);
  federalEnforcement(w);
  patrol(w);
  otherArrests(w);
  offend(w);
  careers(w);
  addDay(w);
  // Burn-in is a whole number of weeks, so weeks end on the same weekday before and after day 0.
  const weekEnd = (w.day + w.params.burnInDays) % 7 === 6;
  if (weekEnd || w.day === w.params.days - 1) {
    weeklyAttitudes(w);
    updateNeighbourhoods(w);
    updateOffenderLearning(w);
    if (w.day >= 0) closeWeek(m);
    else m.week.fill(0);
  }
  w.day++;
}

/*
 * The day loops. Every caller (the Worker, the CLI, replicate tasks, tests) steps through these, so a
 * run is the same whoever drives it and however it is cut into pieces (a model-based test checks it).
 */

/** Runs `days` days (or to the end of the run). */
export function stepDays(w: World, days: number): void {
  for (let d = 0; d < days && w.day < w.params.days; d++) step(w);
}

/** Runs to the end. */
export function runToEnd(w: World): void {
  while (w.day < w.params.days) step(w);
}

/**
 * Runs up to day `until` (or the end) in chunks of `chunk` days, calling `between` after each chunk
 * (progress, a chance for messages); it stops early when `between` returns false.
 */
export function stepInChunks(w: World, until: number, chunk: number, between: (w: World) => unknown): void {
  const end = Math.min(until, w.params.days);
  while (w.day < end) {
    stepDays(w, Math.min(chunk, end - w.day));
    if (between(w) === false) return;
  }
}

/** The same, awaiting `between` (a Worker yields to its messages there). */
export async function stepInChunksAsync(w: World, until: number, chunk: number, between: (w: World) => Promise<unknown>): Promise<void> {
  const end = Math.min(until, w.params.days);
  while (w.day < end) {
    stepDays(w, Math.min(chunk, end - w.day));
    if ((await between(w)) === false) return;
  }
}

function addDay(w: World): void {
  const m = w.metrics;
  const off = m.currentPeriod * m.week.length;
  for (let b = C.days; b < m.week.length; b += COUNTERS) {
    m.week[b] += 1;
    m.period[off + b] += 1;
  }
}
