import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../helpers/cli.ts';

/**
 * The command line as `npm run build` emits it (dist-cli/): plain JavaScript that Node runs without
 * tsx (Node 20 cannot load a .ts file, so any TypeScript left at run time would fail here), in the main
 * thread and in its worker threads, with the same output as the TypeScript.
 */
const OUT = 'dist-cli';

beforeAll(async () => {
  await build({ configFile: 'vite.cli.config.ts', logLevel: 'warn' });
});

function built(...args: string[]) {
  return builtIn(process.cwd(), ...args);
}

/** The built CLI run from another working folder, as a cluster job or an installed copy would run it. */
function builtIn(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [resolve(OUT, 'main.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the built command line', () => {
  it('is JavaScript only, with no tsx', () => {
    const files = readdirSync(OUT).filter((f) => f.endsWith('.mjs'));
    expect(files).toContain('main.mjs');
    expect(files).toContain('replicate-worker.mjs');
    // No import of tsx or of a .ts module, static or dynamic.
    for (const f of files) expect(readFileSync(join(OUT, f), 'utf8')).not.toMatch(/(?:from|import\()\s*["'](?:tsx[^"']*|[^"']*\.ts)["']/);
  });

  it('runs a comparison on worker threads with the same output as the TypeScript', () => {
    const { file } = scratchFolder('trustfall-built-');
    const small = (model: string) =>
      file(
        `${model}.json`,
        JSON.stringify({ name: model, run: { years: 0.6, activationDay: 90, burnInWeeks: 4 }, jurisdictions: [{ residents: 1500, policy: { model } }] }),
      );
    const args = ['compare', small('none'), small('taskForce'), '--replicates', '3', '--json', '--quiet', '--workers', '2'];
    const a = built(...args);
    expect(a.code, a.err).toBe(0);
    const b = sim(...args);
    expect(b.code, b.err).toBe(0);
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).scenarios).toHaveLength(2);
  });

  it('lists the presets from any working folder, with paths that exist', () => {
    const r = builtIn(tmpdir(), 'presets');
    expect(r.code, r.err).toBe(0);
    const paths = r.out.split('\n').filter((l) => l.endsWith('.json'));
    expect(paths).toHaveLength(9);
    for (const p of paths) expect(existsSync(resolve(tmpdir(), p)), p).toBe(true);
  });
});
