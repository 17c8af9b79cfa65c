// Mutation testing of the engine's systems and behaviour equations (`npm run mutation`; not in CI: on two
// cores about 20 mutants a minute, and a mutant that loops for ever waits out its timeout, so the whole set
// takes over an hour). Results are incremental: reports/mutation/incremental.json (committed) lets a later
// run reuse every result whose code and tests have not changed. A run over some files keeps only those files'
// results, so list every file done so far: npm run mutation -- --mutate src/engine/behaviour.ts,src/engine/systems/x.ts
// The report lands in reports/mutation/ and its summary in docs/mutation.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/engine/systems/**/*.ts', 'src/engine/behaviour.ts'],
  coverageAnalysis: 'perTest',
  // Each mutant stops at its first failing test: a killed mutant costs one test, not the suite.
  disableBail: false,
  // Static mutants (module-level constants) rerun every test for every mutant; they are few and are
  // reported as they come.
  ignoreStatic: false,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  concurrency: 2,
  // A mutant's timeout is 1.5 × the net time of the tests that cover it (nearly all of them, for the hot loops)
  // plus this: a mutant still running then is counted as detected (it hangs the engine).
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 30,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // TypeScript 7 has no JavaScript API, which Stryker's tsconfig rewriter needs; the sandbox needs no rewrite
  // (tsconfig.json neither extends nor references a file outside the project), so point it at no file.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
