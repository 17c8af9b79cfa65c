/**
 * `npm run bench -- --peers`: one toy trust model written four ways, timed and weighed side by side.
 * N residents, one trust value each; every day each resident may have a bad contact with police (trust
 * falls by a tenth), a good one (it rises a tenth of the way to 1), and drifts toward 0.6; 365 days.
 * The same generator (mulberry32, one seed) drives every version, so they do the same work:
 * - objects: one plain object per resident (what most agent-based code looks like);
 * - typed arrays: this project's engine style (one array per attribute, no allocation per step);
 * - flocc and AgentScript, two maintained JavaScript agent-based frameworks (dev dependencies).
 * Each version and size runs in a process of its own (its memory is then its own). Prints
 * resident-days per second, bytes per resident (heap and array buffers after set-up) and the ratio
 * to the typed-array version. Figures vary with the machine: compare the ratios.
 */
import { execFileSync } from 'node:child_process';

const DAYS = 365;
const BAD = 0.002;
const GOOD = 0.002;
const DRIFT = 0.01;

/** A small fast seeded generator, the same in every version. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One resident's day: the same rule in every version. */
function day(trust: number, u: number): number {
  let t = trust;
  if (u < BAD) t *= 0.9;
  else if (u < BAD + GOOD) t += 0.1 * (1 - t);
  return t + DRIFT * (0.6 - t);
}

type Version = (n: number) => { setUp: () => void; run: () => number };

const VERSIONS: Record<string, Version> = {
  objects: (n) => {
    let people: { id: number; trust: number; group: string }[] = [];
    return {
      setUp: () => {
        people = Array.from({ length: n }, (_, id) => ({ id, trust: 0.6, group: id % 5 === 0 ? 'latino' : 'other' }));
      },
      run: () => {
        const u = mulberry32(1);
        for (let d = 0; d < DAYS; d++) for (const p of people) p.trust = day(p.trust, u());
        return people.reduce((a, p) => a + p.trust, 0) / n;
      },
    };
  },
  'typed arrays': (n) => {
    let trust = new Float32Array(0);
    let group = new Uint8Array(0);
    return {
      setUp: () => {
        trust = new Float32Array(n).fill(0.6);
        group = new Uint8Array(n).map((_, i) => (i % 5 === 0 ? 1 : 0));
      },
      run: () => {
        const u = mulberry32(1);
        for (let d = 0; d < DAYS; d++) for (let r = 0; r < n; r++) trust[r] = day(trust[r], u());
        let s = 0;
        for (let r = 0; r < n; r++) s += trust[r];
        return group.length === n ? s / n : Number.NaN;
      },
    };
  },
  flocc: (n) => {
    // biome-ignore lint/suspicious/noExplicitAny: flocc is loaded at run time, in its own process.
    let env: any;
    return {
      setUp: () => {
        const { Environment, Agent } = flocc!;
        env = new Environment();
        for (let i = 0; i < n; i++) env.addAgent(new Agent({ trust: 0.6, group: i % 5 === 0 ? 'latino' : 'other' }));
      },
      run: () => {
        const u = mulberry32(1);
        // biome-ignore lint/suspicious/noExplicitAny: as above.
        const agents: any[] = env.getAgents();
        for (let d = 0; d < DAYS; d++) {
          for (const a of agents) a.set('trust', day(a.get('trust'), u()));
          env.time++;
        }
        return agents.reduce((s, a) => s + a.get('trust'), 0) / n;
      },
    };
  },
  AgentScript: (n) => {
    // biome-ignore lint/suspicious/noExplicitAny: AgentScript is loaded at run time, in its own process.
    let model: any;
    return {
      setUp: () => {
        model = new (class extends agentscript!.Model {})();
        model.turtles.create(n, (t: Record<string, unknown>) => {
          t.trust = 0.6;
          t.group = model.turtles.length % 5 === 0 ? 'latino' : 'other';
        });
      },
      run: () => {
        const u = mulberry32(1);
        for (let d = 0; d < DAYS; d++) model.turtles.ask((t: { trust: number }) => (t.trust = day(t.trust, u())));
        let s = 0;
        model.turtles.ask((t: { trust: number }) => (s += t.trust));
        return s / n;
      },
    };
  },
};

let flocc: typeof import('flocc') | undefined;
let agentscript: typeof import('agentscript') | undefined;

/** In a child: one version at one size; prints a JSON line. */
async function child(version: string, n: number): Promise<void> {
  if (version === 'flocc') flocc = await import('flocc');
  if (version === 'AgentScript') {
    // AgentScript draws on canvases at load; a do-nothing canvas lets its model run headless.
    const inert: object = new Proxy(() => inert, { get: (_t, k) => (k === 'canvas' ? {} : inert), apply: () => inert });
    (globalThis as Record<string, unknown>).OffscreenCanvas ??= class {
      getContext(): object {
        return inert;
      }
    };
    agentscript = await import('agentscript');
  }
  const v = VERSIONS[version](n);
  global.gc?.();
  const m0 = process.memoryUsage();
  v.setUp();
  global.gc?.();
  const m1 = process.memoryUsage();
  const t0 = performance.now();
  const mean = v.run();
  const seconds = (performance.now() - t0) / 1000;
  const bytes = m1.heapUsed + m1.arrayBuffers - (m0.heapUsed + m0.arrayBuffers);
  process.stdout.write(JSON.stringify({ version, n, seconds, rate: (n * DAYS) / seconds, bytesPerResident: bytes / n, mean }) + '\n');
}

export function runPeers(): void {
  console.log(`Peers: a toy trust model (${DAYS} days, one trust value per resident, daily random contacts), four ways; each run in its own process.`);
  for (const n of [100_000, 1_000_000]) {
    const rows = Object.keys(VERSIONS).map((version) => {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/peers.ts', '--child', version, String(n)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      return JSON.parse(out) as { version: string; rate: number; bytesPerResident: number; mean: number; seconds: number };
    });
    const base = rows.find((r) => r.version === 'typed arrays')!;
    for (const r of rows)
      console.log(
        `${String(n).padStart(9)} residents  ${r.version.padEnd(13)} ${(r.rate / 1e6).toFixed(1).padStart(7)} M resident-days/s ` +
          `(×${(r.rate / base.rate).toFixed(2)} of typed arrays), ${r.bytesPerResident.toFixed(0).padStart(5)} bytes/resident, ` +
          `${r.seconds.toFixed(1)} s, mean trust at the end ${r.mean.toFixed(4)}`,
      );
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1], Number(process.argv[at + 2]));
