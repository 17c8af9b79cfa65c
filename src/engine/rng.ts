import seedrandom from 'seedrandom';
import { cosTurns, exp, log } from './portable-math.ts';

/**
 * Named random streams, one per mechanism. Each is seeded from (seed, replicate, name), so a policy that
 * changes how many stops are drawn does not shift the draws that decide who offends, when and where:
 * two scenarios run with the same seed are twin worlds up to the point where the policy acts.
 */
const STREAMS = [
  'population', // households, statuses, neighbourhood mix (set-up)
  'ties', // social ties (set-up)
  'offending', // whether each offender slot offends on a day
  'victims', // where a crime happens, its type, the candidate victims
  'careers', // desistance and recruitment of offenders
  'reporting', // whether a victim reports
  'cooperation', // which witnesses are asked and whether they cooperate
  'clearance', // whether a reported case is cleared
  'patrol', // where officers patrol and whom they stop
  'stopOutcome', // arrest, charge and status questioning after a stop
  'detention', // at every arrest: booking or citation, detainers and honouring (four draws, whatever the policy)
  'federal', // ICE's own at-large arrests
  'arrests', // arrests outside stops and solved crimes
  'removal', // whether a person held for ICE is removed (apart, so more detentions in a policy world do not shift its twin's booking draws)
] as const;
export type StreamName = (typeof STREAMS)[number];

/** A uniform draw in [0, 1). */
export type Uniform = () => number;
export type Streams = Record<StreamName, Uniform>;
/** Where a stream stands (Alea's four numbers), to take it back there (the timeline's snapshots). */
export type StreamState = seedrandom.State.Alea;

/** The streams of one replicate of one seed. */
export function createStreams(seed: number, replicate: number): Streams {
  const out = {} as Streams;
  for (const name of STREAMS) out[name] = seedrandom.alea(`trustfall/${seed}/${replicate}/${name}`, { state: true });
  return out;
}

/** Where each stream stands. */
export function streamStates(streams: Streams): Record<StreamName, StreamState> {
  const out = {} as Record<StreamName, StreamState>;
  for (const name of STREAMS) out[name] = (streams[name] as seedrandom.StatefulPRNG<StreamState>).state();
  return out;
}

/** Streams that go on exactly from saved states (systems read `w.rng.<name>` at each call, so replacing them is enough). */
export function restoreStreams(states: Record<StreamName, StreamState>): Streams {
  const out = {} as Streams;
  for (const name of STREAMS) out[name] = seedrandom.alea('', { state: states[name] });
  return out;
}

/**
 * One named stream. Lenses that look at a finished run (the simulated survey) take their own streams
 * by name, so looking never changes what happened.
 */
export function stream(seed: number, replicate: number, name: string): Uniform {
  return seedrandom.alea(`trustfall/${seed}/${replicate}/${name}`);
}

/** A whole number in [0, n). */
export function pick(u: Uniform, n: number): number {
  return Math.floor(u() * n);
}

/** A Poisson draw by inversion; fine for the small means used per day. */
export function poisson(u: Uniform, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u)));
  const limit = exp(-mean);
  let k = 0;
  let p = u();
  while (p > limit) {
    k++;
    p *= u();
  }
  return k;
}

/** A standard normal draw (Box–Muller, one value per call). */
export function normal(u: Uniform): number {
  const a = 1 - u();
  return Math.sqrt(-2 * log(a)) * cosTurns(u());
}

/** An exponential draw with the given mean. */
export function exponential(u: Uniform, mean: number): number {
  return -log(1 - u()) * mean;
}
