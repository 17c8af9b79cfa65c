import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderOrderViolations, importsOf, LAYERS } from '../helpers/folder-order.ts';

/**
 * The house's folder order (issue 23): vocabulary → scenario → engine → report / evidence / compare /
 * sweep / sensitivity / calibrate / story / i18n / pool / counties → render / workers → ui / cli. Every import of
 * every file in src/ and workers/ (static, type, side-effect, dynamic, Worker script) goes down the
 * order or to a peer, and no folders import each other in a cycle. No exception list.
 */
function sources(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        // Generated catalogues (lit-localize output) import nothing of ours.
        if (p !== join('src', 'ui', 'i18n', 'generated')) walk(p);
      } else if (e.name.endsWith('.ts')) files.set(p, readFileSync(p, 'utf8'));
    }
  };
  walk('src');
  walk('workers');
  return files;
}

describe('the folder order', () => {
  it('holds for every import in src/ and workers/', () => {
    const files = sources();
    expect(files.size).toBeGreaterThan(150);
    expect(folderOrderViolations(files)).toEqual([]);
  });

  it('catches an upward import of every kind, a folder with no place, and a cycle of peers', () => {
    const planted = (file: string, text: string) => folderOrderViolations(new Map([[file, text]]));
    for (const text of [
      "import { x } from '../ui/events.ts';",
      "import type { X } from '../ui/events.ts';",
      "import '../ui/events.ts';",
      "const m = await import('../ui/events.ts');",
      "export { x } from '../ui/events.ts';",
      "export * from '../ui/events.ts';",
      "new Worker(new URL('../../workers/engine.worker.ts', import.meta.url));",
    ])
      expect(
        planted('src/engine/x.ts', text).map((v) => v.why),
        text,
      ).toEqual([expect.stringMatching(/engine may not import from (ui|workers)/)]);
    // Shown in a comment, it is not an import.
    expect(planted('src/engine/x.ts', "// import '../ui/events.ts';\n/* import { y } from '../ui/y.ts'; */")).toEqual([]);
    // Downward and to a peer are allowed.
    expect(planted('src/calibrate/x.ts', "import { a } from '../engine/a.ts';\nimport { b } from '../evidence/b.ts';")).toEqual([]);
    expect(planted('src/newfolder/x.ts', '').map((v) => v.why)).toEqual(['its folder newfolder has no place in the folder order']);
    const both = folderOrderViolations(
      new Map([
        ['src/calibrate/a.ts', "import { s } from '../sensitivity/s.ts';"],
        ['src/sensitivity/s.ts', "import { a } from '../calibrate/a.ts';"],
      ]),
    );
    expect(both.map((v) => v.why)).toEqual(['these folders import each other in a cycle']);
  });

  it('finds imports the way the files write them', () => {
    expect(importsOf('import {\n  a,\n  type B,\n} from \'./a.ts\';\nimport * as C from "./c.ts";')).toEqual(['./a.ts', './c.ts']);
    expect(importsOf("const u = 'https://example.org'; import './side.ts';")).toEqual(['./side.ts']);
    expect(LAYERS.flat()).toContain('vocabulary');
  });
});
