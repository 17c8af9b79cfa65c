import { Scenario, type ScenarioInput } from '../scenario/index.ts';
import { countyLabel } from './find.ts';
import { msg, str } from '@lit/localize';
import { policyLabel } from '../report/policy-labels.ts';
import { statusAssumptionText } from './status-assumption.ts';
import { round } from './derive/svi.ts';
import type { Agreement, County, CountyFile } from './record.ts';

export interface CountyOptions {
  /** One simulated resident stands for this many; undefined picks a power of ten that keeps the county under 100,000 residents. */
  scale?: number;
  /** Agreements signed on or before this day (ISO) are in force; default the list's date. */
  asOf?: string;
  /** Add the two most populous neighbours, one on each side, with their own agreements. */
  neighbours?: boolean;
}

export interface CountyScenario {
  scenario: ScenarioInput;
  /** One simulated resident for this many real ones. */
  scale: number;
  /** What was assumed or left out, in sentences, for the CLI and the page to show beside the scenario. */
  notes: string[];
}

/** The models in the order they reach into the community: a county with several runs the first it has. */
const REACH: readonly Agreement['model'][] = ['taskForce', 'jailEnforcement', 'warrantService'];
/** Residents per neighbourhood the grid aims at (the default county has about 780). */
const RESIDENTS_PER_NEIGHBOURHOOD = 800;
const AUTO_SCALE_MAX_RESIDENTS = 100_000;
const DAY_MS = 86_400_000;

/**
 * A scenario for a real county: its household population at the chosen scale, its Latino share and
 * household sizes, the agreement in force on the date (the one that reaches furthest into the
 * community, if it has several), activated a year into the run so the year before it is the "before"
 * period; optionally its two most populous neighbours beside it, sharing its border and ties.
 */
export function scenarioFromCounty(file: CountyFile, county: County, options: CountyOptions = {}): CountyScenario {
  const asOf = options.asOf ?? file.listDate;
  if (asOf > file.listDate) throw new RangeError(`--as-of ${asOf} is after the date of ICE's list (${file.listDate}); the data know nothing later`);
  const defaults = Scenario.parse({});
  const scale = options.scale ?? autoScale(county.population - county.groupQuarters);
  const notes: string[] = [];
  const members = [county];
  if (options.neighbours) {
    const near = county.neighbours
      .map((f) => file.counties.find((c) => c.fips === f)!)
      .sort((a, b) => b.population - a.population)
      .slice(0, 2);
    if (near.length === 0) notes.push(msg(str`${county.name} has no neighbours (an island county): it runs alone.`));
    if (near[0]) members.unshift(near[0]);
    if (near[1]) members.push(near[1]);
    if (county.neighbours.length > 2)
      notes.push(
        msg(
          str`The engine places counties in a row, so only two of ${county.name}'s ${county.neighbours.length} neighbours can share its border: the two with the most people (${near.map((c) => c.name).join(', ')}).`,
        ),
      );
  }
  const chosen = members.map((c) => inForce(c, asOf));
  // One activation day for every county (the engine has one): the focal county's agreement, or else the latest neighbour's.
  const anchor = chosen[members.indexOf(county)] ?? chosen.filter((a) => a !== undefined).sort((a, b) => b.signed.localeCompare(a.signed))[0];
  const activationDay = defaults.run.activationDay;
  const start = anchor ? addDays(anchor.signed, -activationDay) : addDays(asOf, -activationDay);
  const sizes = householdSizes(county, defaults.community.householdSizeLatino, defaults.community.householdSizeNonLatino);
  const jurisdictions = members.map((c, i) => {
    const residents = Math.max(100, Math.round((c.population - c.groupQuarters) / scale));
    const side = Math.max(1, Math.min(200, Math.floor(Math.sqrt(residents)), Math.round(Math.sqrt(residents / RESIDENTS_PER_NEIGHBOURHOOD))));
    const agreement = chosen[i];
    describeAgreements(c, asOf, agreement, notes);
    return {
      name: c.name.slice(0, 60),
      gridWidth: side,
      gridHeight: side,
      residents,
      latinoShare: round(householdLatinoShare(c.latinoShare, sizes.latino, sizes.nonLatino)),
      policy: { model: agreement?.model ?? ('none' as const) },
    };
  });
  if (anchor && chosen.some((a) => a && a.signed !== anchor.signed))
    notes.push(msg(str`Every county's agreement starts on the same day (the engine has one activation day): ${anchor.signed}, when ${anchor.agency} signed.`));
  const small = members.filter((c) => (c.population - c.groupQuarters) / scale < 100);
  if (small.length > 0) notes.push(msg(str`${small.map((c) => c.name).join(', ')} would have fewer than 100 residents at 1:${scale}: raised to 100.`));
  notes.unshift(
    msg(
      str`Day 0 is ${start}; the agreements start on day ${activationDay} (${addDays(start, activationDay)}). One simulated resident stands for ${scale} real ones (scale 1:${scale}); residents in group quarters (jails, dormitories, nursing homes) are left out.`,
    ),
    msg(str`Household sizes ${sizes.latino} (Latino) and ${sizes.nonLatino} (others): the county's mean household size, split in the model's default ratio.`),
    statusAssumptionText(),
  );
  const scenario: ScenarioInput = {
    name: `${county.name}, ${county.state}${options.neighbours && members.length > 1 ? ' and neighbours' : ''} (1:${scale})`.slice(0, 120),
    description:
      `Built by sim county from ${countyLabel(county)}: people from the CDC/ATSDR SVI 2022 (ACS 2018–2022), agreements from ICE's 287(g) list of ${file.listDate} in force on ${asOf}. ` +
      `Immigration status is a national assumption, the same in every county.`,
    run: { activationDay },
    jurisdictions,
    community: { householdSizeLatino: sizes.latino, householdSizeNonLatino: sizes.nonLatino },
  };
  return { scenario, scale, notes };
}

/** The agreement a county runs on the day: signed by then, the one that reaches furthest (then the latest signed). */
export function inForce(county: County, asOf: string): Agreement | undefined {
  const signed = county.agreements.filter((a) => a.signed <= asOf);
  return REACH.flatMap((m) => signed.filter((a) => a.model === m).sort((a, b) => b.signed.localeCompare(a.signed))).at(0);
}

function describeAgreements(c: County, asOf: string, chosen: Agreement | undefined, notes: string[]): void {
  const signed = c.agreements.filter((a) => a.signed <= asOf);
  if (!chosen) {
    notes.push(msg(str`${c.name}: no 287(g) agreement in force on ${asOf}.`));
    return;
  }
  const others = signed.filter((a) => a !== chosen);
  const what = `${policyLabel(chosen.model, false, false)} (${chosen.agency}, ${msg(str`signed ${chosen.signed}`)}${chosen.kind === 'municipal' ? msg("; a town's agreement, modelled as if it covered the whole county") : ''})`;
  const also = others.map((a) => `${policyLabel(a.model, false, false)} (${a.agency})`).join(', ');
  notes.push(others.length > 0 ? msg(str`${c.name}: ${what}; also in force but not modelled (a county runs one model): ${also}.`) : `${c.name}: ${what}.`);
}

/** The smallest power of ten that keeps a county of this many residents under 100,000 simulated ones. */
function autoScale(people: number): number {
  let scale = 1;
  while (people / scale > AUTO_SCALE_MAX_RESIDENTS) scale *= 10;
  return scale;
}

/**
 * Household sizes with the county's mean (household population over households) and the model's
 * default ratio between Latino and other households. The Latino share of households that gives the
 * county's share of people depends only on that ratio.
 */
function householdSizes(c: County, latinoDefault: number, otherDefault: number): { latino: number; nonLatino: number } {
  const mean = c.households > 0 ? c.householdSize : otherDefault;
  const h = householdLatinoShare(c.latinoShare, latinoDefault, otherDefault);
  const k = mean / (h * latinoDefault + (1 - h) * otherDefault);
  const clamp = (x: number) => Math.min(8, Math.max(1, Math.round(x * 100) / 100));
  return { latino: clamp(latinoDefault * k), nonLatino: clamp(otherDefault * k) };
}

/** The share of households that are Latino, from the share of people, given the two household sizes. */
function householdLatinoShare(peopleShare: number, latinoSize: number, otherSize: number): number {
  return (peopleShare * otherSize) / (latinoSize - peopleShare * (latinoSize - otherSize));
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
