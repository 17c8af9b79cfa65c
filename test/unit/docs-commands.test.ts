import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Block, documentationPages, fencedBlocks, filesShown, inlineSimCommands, npmScriptsNamed } from '../helpers/documented-commands.ts';

/**
 * Every command the README and docs/ show is run (issue 23): each shell block as written, in order, in a
 * scratch folder holding a copy of scenarios/ (the Slurm script as tasks 1 and 2 of a 2-task array, so
 * the merge shown after it has every shard), after writing any file the page shows whole for the reader to
 * make (my-targets.json); each command quoted in the prose; the Kubernetes job's command. `npm run -s sim -- …` runs the CLI with its counts cut
 * (test/helpers/shrunk-sim.ts) on shrunk copies of the scenarios and sweeps (1.5 years after 8 weeks of
 * burn-in, 2 values per swept parameter), so the check is that each line works, not what it finds.
 * The three commands of the README's contract are CI's own steps and are noted, not run here: `npm ci`
 * and `npm test` are what CI runs, and `npm start` is `vite build` and `vite preview`, the build and
 * server the browser tests start (test/browser/global-setup.ts). `npm run classroom` waits for Ctrl+C: its own
 * test starts it, uses it and stops it (test/unit/classroom/main.test.ts).
 */
const REPO = resolve('.');
const TSX = join(REPO, 'node_modules/tsx/dist/loader.mjs');
const RUN_BY_CI = new Set(['npm ci', 'npm start', 'npm test']);
/** Commands that start a server and wait for Ctrl+C, each run by its own test instead. */
const RUN_BY_THEIR_TEST = new Map([['npm run classroom', 'test/unit/classroom/main.test.ts']]);
const runElsewhere = (c: string) => RUN_BY_CI.has(c.split(' ').slice(0, 2).join(' ')) || RUN_BY_THEIR_TEST.has(c.split(' ').slice(0, 3).join(' '));

/** A scratch folder with a shrunk copy of scenarios/ and an empty docs/calibration/ to write into. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trustfall-docs-'));
  cpSync('scenarios', join(dir, 'scenarios'), { recursive: true });
  for (const f of readdirSync(join(dir, 'scenarios'), { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.json') || f.endsWith('schema.json')) continue;
    const path = join(dir, 'scenarios', f);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    if (Array.isArray(json.parameters)) {
      json.replicates = 1;
      for (const p of json.parameters) if (Array.isArray(p.values)) p.values = p.values.slice(0, 2);
      if (json.samples !== undefined) json.samples = Math.min(json.samples, 2);
    } else if (Array.isArray(json.jurisdictions)) {
      json.run = { ...json.run, years: 1.5, burnInWeeks: 8, replicates: 1 };
    }
    writeFileSync(path, JSON.stringify(json));
  }
  mkdirSync(join(dir, 'docs/calibration'), { recursive: true });
  return dir;
}

/** Runs a shell text with bash (-e, -u, pipefail) where `npm run -s sim -- …` is the shrunk CLI and any other npm command is logged. */
function shell(dir: string, text: string, env: Record<string, string> = {}): { code: number | null; err: string; npm: string[] } {
  const log = join(dir, '.npm-commands');
  writeFileSync(log, '');
  const prelude = `npm() {
  if [ "$#" -ge 4 ] && [ "$1 $2 $3 $4" = "run -s sim --" ]; then shift 4; node --import "${TSX}" "${REPO}/test/helpers/shrunk-sim.ts" "$@"; return; fi
  echo "npm $*" >> "${log}"
}
`;
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', prelude + text], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  return { code: r.status, err: r.stderr.slice(-3000), npm: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const where = (page: string, b: Block) => `${page}:${b.line}`;

describe('the documented commands', () => {
  const pages = documentationPages();
  const shellBlocks = pages.flatMap((page) =>
    fencedBlocks(page)
      .filter((b) => b.lang === 'sh')
      .map((b) => ({ page, b })),
  );

  it('are found: shell blocks, commands in the prose, npm scripts', () => {
    expect(shellBlocks.length).toBeGreaterThan(8);
    expect(pages.flatMap(inlineSimCommands).length).toBeGreaterThan(1);
  });

  it('run as written, each page\u2019s blocks in order, and succeed', () => {
    const ran: string[] = [];
    for (const page of pages) {
      const dir = scratch();
      // A file the page shows the reader how to write (such as my-targets.json) is written as shown.
      for (const f of filesShown(page)) writeFileSync(join(dir, f.name), f.text);
      for (const { b } of shellBlocks.filter((s) => s.page === page)) {
        // The Slurm script runs as tasks 1 and 2 of a 2-task array (SHARDS=2), so the merge after it has every shard.
        const runs = b.text.startsWith('#!/bin/bash') ? ['1', '2'].map((task) => ({ SLURM_SUBMIT_DIR: dir, SLURM_ARRAY_TASK_ID: task, SHARDS: '2' })) : [{}];
        for (const env of runs) {
          const r = shell(dir, b.text, env);
          expect(r.code, `${where(page, b)}\n${b.text}\n${r.err}`).toBe(0);
          for (const c of r.npm) expect(runElsewhere(c), `${where(page, b)}: ${c} is neither sim nor run by CI or its own test`).toBe(true);
        }
        ran.push(where(page, b));
      }
      for (const command of inlineSimCommands(page)) {
        const r = shell(dir, command);
        expect(r.code, `${page}: ${command}\n${r.err}`).toBe(0);
        ran.push(command);
      }
    }
    expect(ran.length).toBe(shellBlocks.length + pages.flatMap(inlineSimCommands).length);
  }, 900_000);

  it('each Slurm script shown is the file it names (scenarios/sweeps/*.sbatch), whose tasks and merge run above', () => {
    const scripts = shellBlocks.filter((s) => s.b.text.startsWith('#!/bin/bash'));
    expect(scripts.length, 'docs/cluster.md shows the sweep and nation Slurm scripts').toBe(2);
    for (const script of scripts) {
      const file = /sbatch (scenarios\/sweeps\/[\w-]+\.sbatch)/.exec(script.b.text)?.[1];
      expect(file, where(script.page, script.b)).toBeDefined();
      expect(`${script.b.text}\n`).toBe(readFileSync(file!, 'utf8'));
    }
  });

  it('the Kubernetes job\u2019s command runs (with /out in the scratch folder)', () => {
    const yaml = fencedBlocks('docs/cluster.md').find((b) => b.lang === 'yaml');
    const command = /- (npm run -s sim -- .*)/.exec(yaml?.text ?? '')?.[1];
    expect(command).toBeDefined();
    const dir = scratch();
    mkdirSync(join(dir, 'out'));
    const r = shell(dir, command!.replaceAll('/out/', 'out/'), { JOB_COMPLETION_INDEX: '0' });
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, 'out/shard-0.json'))).toBe(true);
  }, 300_000);

  it('name only npm scripts that exist', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    for (const page of pages) for (const name of npmScriptsNamed(page)) expect(scripts[name], `${page}: npm run ${name}`).toBeDefined();
  });
});
