import { type Estimate, type MetricKey, metricDef } from '../engine/index.ts';

/**
 * Trust, fear and belief are kept from 0 to 1 (the parameters' scale, and every data file's: JSON, CSV);
 * every screen and table shows them out of 100, as shares are shown as percentages. One factor, here.
 */
export const LEVEL_SCALE = 100;

/** The factor a metric's values are shown at: 100 for shares (percent) and levels (out of 100), else 1. */
function displayScale(key: MetricKey): number {
  const { kind } = metricDef(key);
  return kind === 'share' || kind === 'level' ? LEVEL_SCALE : 1;
}

/** How to show an estimate: as a difference (signed, shares in points), and totals per year (given the period's days). */
export interface FormatOptions {
  signed?: boolean;
  /** Days of the period: totals are then shown per year. */
  perYearOf?: number | null;
  /** Show the 95% interval after the mean where there is one (default true). */
  interval?: boolean;
  /** Format numbers for this language (the page's); absent, as the command line always has them (1234.5). */
  locale?: string;
  /** The word between an interval's ends, in that language. */
  to?: string;
}

/**
 * One metric's estimate as text, by the metric's kind from the metric table: shares as percentages and
 * levels out of 100 (differences of either in points) to one place, ratios to three places, rates to one,
 * totals per year when the period's length is given. The CLI tables and the compare view use this one formatter.
 */
export function formatEstimate(key: MetricKey, e: Estimate | undefined, opts: FormatOptions = {}): string {
  if (!e || e.mean === null) return '—';
  const { kind } = metricDef(key);
  const signed = opts.signed ?? false;
  let scale = displayScale(key);
  if (kind === 'total' && opts.perYearOf !== undefined) {
    if (!opts.perYearOf) return '—';
    scale = 365 / opts.perYearOf;
  }
  const digits = kind === 'ratio' ? 3 : kind === 'size' || (kind === 'total' && opts.perYearOf === undefined) ? 0 : 1;
  const locale = opts.locale;
  const number = (x: number) =>
    locale ? new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x) : x.toFixed(digits);
  const f = (v: number) => `${signed && v >= 0 ? '+' : ''}${number(v * scale)}`;
  const unit = kind === 'share' ? (signed ? ' pt' : '%') : kind === 'level' && signed ? ' pt' : '';
  const withInterval = (opts.interval ?? true) && e.n > 1 && e.lo !== null && e.hi !== null;
  // "to" between the interval's ends: the page passes its own word for it (a translation).
  const to = opts.to ?? 'to';
  return withInterval ? `${f(e.mean)}${unit} (${f(e.lo!)} ${to} ${f(e.hi!)})` : `${f(e.mean)}${unit}`;
}

/** A metric's row label, with "/yr" where its totals are shown per year. */
export function rowLabel(key: MetricKey, perYear = false): string {
  const d = metricDef(key);
  return d.kind === 'total' && perYear ? `${d.label} /yr` : d.label;
}
