import { METRICS } from './definitions.ts';

/** The metric table of docs/MODEL.md, as Markdown: generated from the metric definitions, checked by a test. */
export function metricTable(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = METRICS.map((m) => `| \`${m.key}\` | ${esc(m.label)} | ${esc(m.unit)} | ${m.kind} | ${esc(m.description)} |`);
  return ['| metric | label | unit | kind | meaning |', '| --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}
