import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { fakeBuild } from '../../helpers/class-client.ts';

/**
 * `npm run classroom` as a trainer starts it (serving a build made before, so this test does not build
 * the app): it prints the trainer's and the students' links, serves both, and stops cleanly on Ctrl+C.
 * The documentation's `npm run classroom` is checked here (test/unit/docs-commands.test.ts).
 */
it('npm run classroom prints the trainer\u2019s and students\u2019 links, serves them, and stops on Ctrl+C', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/classroom/main.ts', '--no-build', '--root', fakeBuild(), '--port', '0'], {
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await expect.poll(() => out, { timeout: 60_000 }).toContain('Stop with Ctrl+C');
  const trainer = /(http:\/\/127\.0\.0\.1:(\d+)\/#class-trainer=([A-Z0-9]{8})\.[0-9a-f]{32})/.exec(out);
  expect(trainer, out).not.toBeNull();
  const [, , port, room] = trainer as RegExpExecArray;
  expect(out).toMatch(new RegExp(`Students join at:\\s+http://[\\d.]+:${port}/j/${room}`));
  const join = await fetch(`http://127.0.0.1:${port}/j/${room}`, { redirect: 'manual' });
  expect(join.headers.get('location')).toBe(`/class.html#${room}`);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(out).toContain('Stopped.');
}, 90_000);
