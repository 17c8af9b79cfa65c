import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../scenario/json-schema.ts';

/** `npm run schema`: regenerates scenarios/scenario.schema.json from the zod schema. */
const path = 'scenarios/scenario.schema.json';
writeFileSync(path, scenarioJsonSchemaText());
process.stdout.write(`wrote ${path}\n`);
