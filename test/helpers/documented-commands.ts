import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pages whose commands the docs test runs: the README and every page in docs/. */
export function documentationPages(): string[] {
  return [
    'README.md',
    ...readdirSync('docs')
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join('docs', f)),
  ];
}

/** A fenced block of a page: its language tag, the line its text starts on, its text, and the last line of text before its fence. */
export interface Block {
  lang: string;
  line: number;
  text: string;
  before: string;
}

export function fencedBlocks(page: string): Block[] {
  const lines = readFileSync(page, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    blocks.push({ lang: open[1], line: i + 2, text: lines.slice(i + 1, end).join('\n'), before: lines.slice(0, i).findLast((l) => l.trim() !== '') ?? '' });
    i = end;
  }
  return blocks;
}

/** The page's prose: its text with the fenced blocks left out. */
function prose(page: string): string {
  return readFileSync(page, 'utf8').replace(/^```\w*\s*\n[\s\S]*?^```\s*$/gm, '');
}

/** Commands quoted in the prose as code spans (`npm run -s sim -- …`), with a span broken over two lines joined. */
export function inlineSimCommands(page: string): string[] {
  const text = prose(page).replace(/`npm run -s sim --\s*\n/g, '`npm run -s sim -- ');
  return [...text.matchAll(/`(npm run -s sim -- [^`]*)`/g)].map((m) => m[1].replace(/\s+/g, ' ').trim());
}

/** The npm scripts the page names (`npm run NAME`, `npm test`, `npm start`), other than sim. */
export function npmScriptsNamed(page: string): string[] {
  const text = readFileSync(page, 'utf8');
  const names = [...text.matchAll(/\bnpm run (?:-s )?([\w:-]+)/g)].map((m) => m[1]);
  for (const m of text.matchAll(/\bnpm (test|start)\b/g)) names.push(m[1]);
  return [...new Set(names)].filter((n) => n !== 'sim');
}

/** Files a page shows whole for the reader to make: a block after a line ending "`name.json`:" (its name and text). */
export function filesShown(page: string): { name: string; text: string }[] {
  return fencedBlocks(page).flatMap((b) => {
    const name = /`([\w.-]+\.json)`:\s*$/.exec(b.before)?.[1];
    return name ? [{ name, text: b.text }] : [];
  });
}
