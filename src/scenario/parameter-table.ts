import { describeAllowed, type SchemaNode } from './index.ts';
import { listParameters } from './json-schema.ts';

/** The parameter table of docs/MODEL.md, as Markdown: generated from the schema, checked by a test. */
export function parameterTable(): string {
  const rows = listParameters()
    .filter((p) => !['$schema', 'schemaVersion', 'name', 'description', 'jurisdictions[].name'].includes(p.path))
    .map(
      ({ path, node }) =>
        `| \`${path}\` | ${esc(node.unit)} | ${esc(JSON.stringify(node.default))} | ${esc(describeAllowed(node as SchemaNode))} | ${esc(node.source)} | ${esc(node.description)} |`,
    );
  return ['| parameter | unit | default | allowed | source | meaning |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

function esc(v: unknown): string {
  return String(v ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
}
