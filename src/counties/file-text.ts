import type { CountyFile } from './record.ts';

/**
 * The derived file's text: one county per line, so a change to the raw files shows in a diff as the
 * counties it touched (and the file stays about a megabyte).
 */
export function countyFileText(file: CountyFile): string {
  const { counties, stateAgreements, unplaced, sources, ...head } = file;
  const lines = (xs: readonly unknown[]) => xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  const body = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${body.join(',\n')},\n  "sources": [\n${lines(sources)}\n  ],\n  "counties": [\n${lines(counties)}\n  ],\n  "stateAgreements": [\n${lines(stateAgreements)}\n  ],\n  "unplaced": [\n${lines(unplaced)}\n  ]\n}\n`;
}
