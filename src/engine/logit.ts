import { exp, log } from './portable-math.ts';

/** log(p / (1 − p)), kept finite at 0 and 1. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return log(q / (1 - q));
}

/** The logistic function, the inverse of logit. */
export function logistic(x: number): number {
  return 1 / (1 + exp(-x));
}
