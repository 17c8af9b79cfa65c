import type { CountyFile } from '../record.ts';
import { neighboursFrom } from './adjacency.ts';
import { type Fix, type IceRow, type PlaceRow, placeAgreements } from './agreements.ts';
import { countiesFromSvi, type NoncitizenAssumption } from './svi.ts';

/** The raw files, read: rows by column name (the SVI, the ICE list, the places), lines (adjacency), and the fixes. */
export interface RawInputs {
  svi: readonly Record<string, string>[];
  ice: readonly IceRow[];
  /** The day the ICE list was published. */
  listDate: string;
  adjacency: readonly string[];
  places: readonly PlaceRow[];
  fixes: readonly Fix[];
  sources: CountyFile['sources'];
  statusAssumption: string;
  /** The assumed non-citizen shares among Latino and other residents. */
  noncitizen: NoncitizenAssumption;
}

/** What the derivation found that a maintainer should look at (printed by `npm run data`). */
export interface DeriveNotes {
  unusedFixes: Fix[];
  mismatches: string[];
  countiesWithoutNeighbours: string[];
}

/** The derived county file from the raw inputs: pure, so a test can check the committed file is what it makes. */
export function deriveCountyFile(raw: RawInputs): { file: CountyFile; notes: DeriveNotes } {
  const { counties, stateNames } = countiesFromSvi(raw.svi, raw.noncitizen);
  const neighbours = neighboursFrom(raw.adjacency, new Set(counties.map((c) => c.fips)));
  const placed = placeAgreements(raw.ice, counties, stateNames, raw.places, raw.fixes, raw.listDate);
  const bySigning = (a: { signed: string; agency: string }, b: { signed: string; agency: string }) =>
    a.signed.localeCompare(b.signed) || a.agency.localeCompare(b.agency);
  const file: CountyFile = {
    format: 1,
    listDate: raw.listDate,
    sources: raw.sources,
    statusAssumption: raw.statusAssumption,
    counties: counties
      .map((c) => ({ ...c, neighbours: neighbours.get(c.fips) ?? [], agreements: (placed.byCounty.get(c.fips) ?? []).sort(bySigning) }))
      .sort((a, b) => a.fips.localeCompare(b.fips)),
    stateAgreements: placed.stateAgreements.sort((a, b) => a.state.localeCompare(b.state) || bySigning(a, b)),
    unplaced: placed.unplaced.sort((a, b) => a.state.localeCompare(b.state) || bySigning(a, b)),
  };
  const notes: DeriveNotes = {
    unusedFixes: placed.unusedFixes,
    mismatches: placed.mismatches,
    countiesWithoutNeighbours: file.counties.filter((c) => c.neighbours.length === 0).map((c) => `${c.name}, ${c.state}`),
  };
  return { file, notes };
}
