import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../../src/engine/version.ts';

/**
 * Writes docs/mutation.md from StrykerJS's JSON report (reports/mutation/mutation.json, written by
 * `npm run mutation`): the score of each mutated file and of the whole, and every surviving mutant of
 * the systems the issue names, with the reason it is equivalent where test/mutation/equivalent.json
 * gives one. Score = (killed + timed out) / (every mutant but those that do not compile), Stryker's
 * definition; a mutant no test reaches counts against it.
 */
interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const REPORT = 'reports/mutation/mutation.json';
const EQUIVALENT = 'test/mutation/equivalent.json';
/** The systems whose every survivor must be killed by a test or explained (issue 23). */
const NAMED = ['behaviour.ts', 'attitudes.ts', 'entanglement.ts', 'offending.ts', 'custody.ts'];

if (!existsSync(REPORT)) {
  process.stderr.write(`error: ${REPORT} is missing: run npm run mutation\n`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
/** Reasons keyed "file:line:column mutator → replacement". */
const equivalent: Record<string, string> = existsSync(EQUIVALENT) ? JSON.parse(readFileSync(EQUIVALENT, 'utf8')) : {};

const counts = (ms: Mutant[]) => {
  const by = (s: Mutant['status']) => ms.filter((m) => m.status === s).length;
  const detected = by('Killed') + by('Timeout');
  const valid = ms.length - by('CompileError') - by('RuntimeError') - by('Ignored');
  return { killed: by('Killed'), timeout: by('Timeout'), survived: by('Survived'), noCoverage: by('NoCoverage'), valid, score: valid ? detected / valid : 1 };
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const short = (f: string) => f.replace(/^.*src\/engine\//, '');
const key = (file: string, m: Mutant) =>
  `${short(file)}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${(m.replacement ?? '').replace(/\s+/g, ' ')}`;

const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
// What stryker.config.mjs mutates; a run over some files (--mutate) leaves the others out of the report.
const wanted = ['behaviour.ts', ...readdirSync('src/engine/systems').map((f) => `systems/${f}`)];
const missing = wanted.filter((f) => !files.some(([file]) => short(file) === f));
const all = files.flatMap(([, f]) => f.mutants);
const total = counts(all);
const systems = counts(files.filter(([file]) => short(file).startsWith('systems/')).flatMap(([, f]) => f.mutants));
const behaviour = counts(files.filter(([file]) => short(file) === 'behaviour.ts').flatMap(([, f]) => f.mutants));
const lines: string[] = [
  '# Mutation testing of the engine',
  '',
  `<!-- written by \`npm run mutation\` (test/mutation/summary.ts); do not edit by hand -->`,
  '',
  `StrykerJS mutated \`src/engine/systems/\` and \`src/engine/behaviour.ts\` (engine ${ENGINE_VERSION}) and ran the`,
  'tests in `vitest.mutation.config.ts` against each mutant. Score = (killed + timed out) / valid mutants.',
  '',
  `**Score: ${pct(total.score)}** (${total.killed} killed, ${total.timeout} timed out, ${total.survived} survived, ${total.noCoverage} reached by no test, of ${total.valid})${missing.length ? ` over the ${files.length} files run so far; **not yet run:** ${missing.join(', ')}` : ''}.`,
  '',
  `\`src/engine/systems\`: ${pct(systems.score)}; \`behaviour.ts\`: ${pct(behaviour.score)}. Counting only killed mutants (a mutant that times out may only have met a busy machine): ${pct(total.valid ? total.killed / total.valid : 1)} overall, ${pct(systems.valid ? systems.killed / systems.valid : 1)} for the systems.`,
  '',
  '| file | score | killed | timed out | survived | no test reaches | valid |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...files.map(([file, f]) => {
    const c = counts(f.mutants);
    return `| ${short(file)} | ${pct(c.score)} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.valid} |`;
  }),
  '',
  '## Survivors in the named systems',
  '',
  'Each surviving mutant of behaviour, attitudes, entanglement, offending and custody, with the reason it is',
  `equivalent (changes no result) where \`${EQUIVALENT}\` gives one; the rest are open.`,
  '',
];
let open = 0;
for (const [file, f] of files) {
  if (!NAMED.some((n) => file.endsWith(n))) continue;
  const left = f.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage');
  if (left.length === 0) continue;
  lines.push(`### ${short(file)}`, '');
  for (const m of left.sort((a, b) => a.location.start.line - b.location.start.line)) {
    const why = equivalent[key(file, m)];
    if (!why) open++;
    lines.push(`- \`${key(file, m)}\`${m.status === 'NoCoverage' ? ' (no test reaches it)' : ''}: ${why ?? '**open**'}`);
  }
  lines.push('');
}
const explained = all.filter((m) => m.status === 'Survived' && files.some(([file, f]) => f.mutants.includes(m) && equivalent[key(file, m)])).length;
lines.push(
  `${open} open survivors in the named systems. Leaving out the ${explained} mutants explained as equivalent, the score is ${pct((total.killed + total.timeout) / (total.valid - explained))}.`,
  '',
);
writeFileSync('docs/mutation.md', lines.join('\n'));
process.stdout.write(`mutation score ${pct(total.score)}; ${open} open survivors in the named systems; wrote docs/mutation.md\n`);
