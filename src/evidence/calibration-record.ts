/**
 * The calibration record of docs/MODEL.md ("How the model was calibrated and validated"): one row per
 * report in docs/calibration/, written from the reports themselves so the record cannot drift from
 * what was run. Nelder–Mead reports give the point found and its validation; ABC reports the
 * posterior's 90% intervals.
 */

/** The parts of a calibration report (`sim calibrate`, either method) the record reads. */
interface ReportLike {
  engineVersion: string;
  seed: number;
  seconds?: number;
  /** Nelder–Mead */
  replicates?: number;
  evaluations?: number;
  stopped?: string;
  loss?: number;
  parameters: { path: string; value?: number; posterior?: { median: number; lo: number; hi: number }; min?: number; max?: number }[];
  fit?: { targetSet: { id: string; version: string }; score: { applicable: number; met: number } }[];
  validation?: { loss: number | null; replicates: string; muchWorse: boolean } | null;
  /** ABC */
  targetSets?: string[];
  particles?: number | unknown[];
  runs?: number;
  replicatesPerParticle?: string;
  generations?: unknown[];
}

const short = (x: number) => String(Number(x.toPrecision(3)));

/** One row: the record's name, what was fitted, to what, on which seeds, and how it fared. */
function row(name: string, r: ReportLike): string {
  const abc = r.parameters.some((p) => p.posterior);
  const fitted = r.parameters
    .map((p) =>
      p.posterior
        ? `\`${p.path}\` ${short(p.posterior.median)} (90%: ${short(p.posterior.lo)}–${short(p.posterior.hi)})`
        : `\`${p.path}\` = ${short(p.value ?? Number.NaN)}`,
    )
    .join('; ');
  const targets = abc ? (r.targetSets ?? []).join(', ') : (r.fit ?? []).map((f) => `${f.targetSet.id} ${f.targetSet.version}`).join(', ');
  const seeds = abc
    ? `seed ${r.seed}; each proposal its own replicates (${r.runs} runs)`
    : `seed ${r.seed}, replicates 0–${(r.replicates ?? 1) - 1} (common to every point)`;
  const met = (r.fit ?? []).reduce((a, f) => a + f.score.met, 0);
  const applicable = (r.fit ?? []).reduce((a, f) => a + f.score.applicable, 0);
  const result = abc
    ? `posterior from ${Array.isArray(r.particles) ? r.particles.length : r.particles} particles, ${(r.generations?.length ?? 1) - 1} generations`
    : `${r.stopped} after ${r.evaluations} evaluations; ${met} of ${applicable} met, loss ${short(r.loss ?? Number.NaN)}` +
      (r.validation
        ? `; validation on replicates ${r.validation.replicates.replace(/ \(.*$/, '')}: loss ${short(r.validation.loss ?? Number.NaN)}${r.validation.muchWorse ? ', much worse' : ''}`
        : '; no validation run (made before it existed)');
  return `| \`${name}\` | ${r.engineVersion} | ${abc ? 'ABC-SMC' : 'Nelder–Mead'} | ${fitted} | ${targets} | ${seeds} | ${result} |`;
}

/** The record as a Markdown table, rows in the order given (newest engine first reads best). */
export function calibrationRecord(reports: { name: string; report: unknown }[]): string {
  const rows = reports.map(({ name, report }) => row(name, report as ReportLike));
  return (
    ['| report (docs/calibration/) | engine | method | fitted | targets | seeds | result |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join(
      '\n',
    ) + '\n'
  );
}
