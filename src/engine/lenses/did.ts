/** An estimate with its standard error, as the lenses produce them. */
export interface Measured {
  value: number | null;
  se: number | null;
}

export interface DidEstimate {
  estimate: number | null;
  se: number | null;
  lo: number | null;
  hi: number | null;
  /** True when the 95% interval excludes zero. */
  significant: boolean;
}

/**
 * Difference in differences: (treated after − treated before) − (comparison after − comparison before),
 * with the standard error of independent estimates and a normal 95% interval, as a study comparing a
 * treated jurisdiction with a comparison one before and after activation would report.
 */
export function differenceInDifferences(tb: Measured, ta: Measured, cb: Measured, ca: Measured): DidEstimate {
  const parts = [tb, ta, cb, ca];
  if (parts.some((p) => p.value === null || p.se === null)) return { estimate: null, se: null, lo: null, hi: null, significant: false };
  const estimate = ta.value! - tb.value! - (ca.value! - cb.value!);
  const se = Math.sqrt(parts.reduce((a, p) => a + p.se! * p.se!, 0));
  const lo = estimate - 1.96 * se;
  const hi = estimate + 1.96 * se;
  return { estimate, se, lo, hi, significant: lo > 0 || hi < 0 };
}

/**
 * A police-recorded crime rate per 1,000 residents per year with its Poisson standard error:
 * what a study using recorded crime would measure.
 */
export function recordedRate(reportedCrimes: number, residents: number, days: number): Measured {
  const personYears = (residents * days) / 365;
  if (!(personYears > 0)) return { value: null, se: null };
  return { value: (1000 * reportedCrimes) / personYears, se: (1000 * Math.sqrt(reportedCrimes)) / personYears };
}
