import { MODEL_NONE } from '../params.ts';
import { policyActive, type World } from '../world.ts';

/**
 * The enforcement signal: how much immigration enforcement a jurisdiction's Latino residents see. It is a
 * moving average of Latino residents taken into immigration detention (an annualised rate per 1,000 Latino
 * residents), jumps when a 287(g) agreement is announced, and is partly felt across the border.
 */
export function updateSignal(w: World): void {
  const js = w.jurisdictions;
  const e = w.scenario.enforcement;
  const decay = w.params.signalDecay;
  for (let j = 0; j < js.signalRate.length; j++) {
    const latino = Math.max(1, js.latinoResidents[j]);
    const today = (js.detainedToday[j] / latino) * 1000 * 365;
    js.signalRate[j] = decay * js.signalRate[j] + (1 - decay) * today;
    js.detainedToday[j] = 0;
    if (w.day === w.params.activationDay && w.params.model[j] !== MODEL_NONE) js.signalRate[j] += e.announcementSignal * e.signalScale;
  }
}

/** The signal residents of jurisdiction j feel, in [0, 1]. */
export function feltSignal(w: World, j: number): number {
  const js = w.jurisdictions;
  const e = w.scenario.enforcement;
  let rate = js.signalRate[j];
  if (j > 0) rate += e.signalSpillover * js.signalRate[j - 1];
  if (j < js.signalRate.length - 1) rate += e.signalSpillover * js.signalRate[j + 1];
  let s = rate / e.signalScale;
  if (policyActive(w) && w.params.sanctuary[j]) s *= 1 - w.scenario.contrasts.sanctuaryFearReduction;
  return Math.min(1, Math.max(0, s));
}

/** The background signal expected from federal at-large arrests alone, to start runs near steady state. */
export function backgroundSignalRate(w: World, j: number): number {
  const js = w.jurisdictions;
  const undocumented = js.undocumentedStart[j + 1] - js.undocumentedStart[j];
  const latino = Math.max(1, js.latinoResidents[j]);
  return (w.scenario.enforcement.federalArrestsPerYear * undocumented * 1000) / latino;
}
