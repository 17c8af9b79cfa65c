export { Scenario, SCHEMA_VERSION, type ScenarioInput } from './schema.ts';
export { ScenarioError, describeAllowed, formatPath } from './errors.ts';
export { resolveScenario, parseScenarioText, canonicalJson, scenarioHash } from './load.ts';
export { scenarioJsonSchema, listParameters, schemaNodeAt, type SchemaNode } from './json-schema.ts';
