import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'us-atlas/counties-albers-10m.json?url';
import { CountyFile } from '../../counties/record.ts';

/** The county file and the county outlines, as the map needs them. */
export interface CountyData {
  file: CountyFile;
  /** Each county's outline as an SVG path (Census 2017 outlines, already projected to 975 × 610, Albers USA). */
  shapes: { fips: string; d: string }[];
  /** The state borders, one path. */
  states: string;
}

let loading: Promise<CountyData> | undefined;

/**
 * Fetches the derived county file and the outlines the first time the map is opened (about 1.6 MB,
 * kept for offline use by the service worker), once per page.
 */
export function loadCountyData(): Promise<CountyData> {
  loading ??= (async () => {
    const [fileText, atlas] = await Promise.all([fetchText(`${import.meta.env.BASE_URL}data/counties.json`), fetchText(atlasUrl)]);
    const file = CountyFile.parse(JSON.parse(fileText));
    const topology = JSON.parse(atlas) as Topology<{ counties: GeometryCollection; states: GeometryCollection }>;
    const path = geoPath();
    const counties = feature(topology, topology.objects.counties);
    const shapes = counties.features.map((f) => ({ fips: String(f.id), d: path(f) ?? '' }));
    const states = path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? '';
    return { file, shapes, states };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
  return r.text();
}
