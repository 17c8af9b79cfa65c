// Mutation testing of the engine's systems and behaviour equations (`npm run mutation`; not in CI: it takes
// see docs/mutation.md for how long). The report lands in reports/mutation/ and its summary in docs/mutation.md.
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
  timeoutMS: 20_000,
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
