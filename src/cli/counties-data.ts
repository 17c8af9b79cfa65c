import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Fix, IceRow, PlaceRow } from '../counties/derive/agreements.ts';
import type { RawInputs } from '../counties/derive/derive.ts';
import { noncitizenAssumption, statusAssumptionText } from '../counties/status-assumption.ts';

/** Where the raw files, their sources and the fixes live. */
export const DATA_DIR = 'data';

/** An entry of data/sources.json; `published` says how a file was cut from the one its publisher gives. */
export interface DeclaredSource {
  file: string;
  what: string;
  licence: string;
  published?: { file: string; sha256: string; delimiter: string; columns: string[] };
}

const ICE_LIST = 'raw/participatingAgencies07182025pm.xlsx';
const ICE_COLUMNS = ['STATE', 'LAW ENFORCEMENT AGENCY', 'TYPE', 'COUNTY', 'SUPPORT TYPE', 'SIGNED'] as const;

/** Reads every raw file of data/ into the derivation's inputs (the ICE list through exceljs). */
export async function readRawInputs(dir = DATA_DIR): Promise<RawInputs> {
  const text = (file: string) => readFileSync(join(dir, file), 'utf8');
  const csv = <T>(file: string, delimiter = ',') =>
    parse(text(file), { columns: true, bom: true, delimiter, skip_empty_lines: true, relax_quotes: true }) as T[];
  const declared = JSON.parse(text('sources.json')) as DeclaredSource[];
  return {
    svi: csv<Record<string, string>>('raw/SVI_2022_US_county.columns.csv'),
    ice: await readIceList(join(dir, ICE_LIST)),
    listDate: listDateOf(ICE_LIST),
    adjacency: text('raw/county_adjacency2024.txt').split(/\r?\n/).slice(1),
    places: csv<PlaceRow>('raw/national_place2020.columns.txt', '|'),
    fixes: csv<Fix>('fixes/ice-list.csv'),
    sources: declared.map((s) => ({
      ...s,
      sha256: createHash('sha256')
        .update(readFileSync(join(dir, s.file)))
        .digest('hex'),
    })),
    statusAssumption: statusAssumptionText(),
    noncitizen: noncitizenAssumption(),
  };
}

/** ICE names its lists by publication day ("participatingAgencies07182025pm.xlsx" → 2025-07-18). */
function listDateOf(file: string): string {
  const m = /(\d{2})(\d{2})(\d{4})(am|pm)?\.xlsx$/.exec(file);
  if (!m) throw new Error(`${file}: the ICE list's name carries no date`);
  return `${m[3]}-${m[1]}-${m[2]}`;
}

/** The list's rows, by column name; a date cell as an ISO day, any other cell as its text. */
async function readIceList(path: string): Promise<IceRow[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
  const col = Object.fromEntries(ICE_COLUMNS.map((name) => [name, header.indexOf(name)]));
  for (const name of ICE_COLUMNS) if (col[name] < 0) throw new Error(`${path}: no column ${name}`);
  const rows: IceRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = row.values as unknown[];
    const cell = (name: (typeof ICE_COLUMNS)[number]) => cellText(cells[col[name]]);
    if (!cell('LAW ENFORCEMENT AGENCY')) return;
    rows.push(Object.fromEntries(ICE_COLUMNS.map((name) => [name, cell(name)])) as IceRow);
  });
  return rows;
}

function cellText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'error' in v) return String((v as { error: unknown }).error);
  if (v && typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return v === undefined || v === null ? '' : String(v).trim();
}
