import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { NationReport } from '../../counties/nation.ts';
import type { County } from '../../counties/record.ts';
import { inForce, scenarioFromCounty } from '../../counties/to-scenario.ts';
import { formatNumber } from '../../i18n/labels.ts';
import { policyLabel } from '../../report/policy-labels.ts';
import { getLocale } from '../i18n/locale.ts';
import type { LabRequest } from '../story/story-view.ts';
import { downloadUrl, pickedFile } from '../toolbar/files.ts';
import { type CountyData, loadCountyData } from './county-data.ts';
import './county-map.ts';
import { searchCounties } from './county-search.ts';
import { mapFigure } from './map-figure.ts';
import { countyChapter } from './county-chapter.ts';
import { encodeChapterLink } from '../state/chapter-link.ts';
import { CHANGE_BINS, changeColour, MODEL_COLOURS, NO_RESULT } from './map-colours.ts';

declare global {
  interface HTMLElementEventMap {
    /** A county's scenario to open in the lab. */
    'county-open-lab': CustomEvent<LabRequest>;
  }
}

/** Scales offered for a county's scenario (0: the smallest power of ten that keeps it under 100,000 residents). */
const SCALES = [0, 1, 10, 100, 1000] as const;
const RESULTS_SHOWN = 12;

/**
 * Real counties: a map of the U.S. counties coloured by the 287(g) agreement in force on the ICE list's
 * date, a search box and a keyboard-operable list, and the picked county's facts and sources with a
 * button that opens it as a scenario in the lab. A national run's output file (`sim nation --out`) can
 * colour the map by the change it found in Latino reporting, and the map can be saved as a figure.
 */
export class CountiesView extends LitElement {
  static override properties = {
    data: { state: true },
    failed: { state: true },
    query: { state: true },
    picked: { state: true },
    scale: { state: true },
    neighbours: { state: true },
    nation: { state: true },
    nationProblem: { state: true },
  };
  declare data: CountyData | undefined;
  declare failed: string;
  declare query: string;
  declare picked: County | undefined;
  declare scale: number;
  declare neighbours: boolean;
  declare nation: NationReport | undefined;
  declare nationProblem: string;
  private byFips = new Map<string, County>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.data = undefined;
    this.failed = '';
    this.query = '';
    this.picked = undefined;
    this.scale = 0;
    this.neighbours = false;
    this.nation = undefined;
    this.nationProblem = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadCountyData()
      .then((d) => {
        this.data = d;
        this.byFips = new Map(d.file.counties.map((c) => [c.fips, c]));
      })
      .catch((e: unknown) => (this.failed = (e as Error).message));
  }

  override render(): TemplateResult {
    return html`
      <section class="counties" aria-labelledby="counties-title">
        <h2 id="counties-title">${msg('Real counties')}</h2>
        <p class="intro">
          ${msg('Every county of the 50 states and DC, with its people (ACS 2018–2022) and the 287(g) agreements on ICE\u2019s list. Pick a county on the map or from the list to see its facts and run it in the lab.')}
        </p>
        ${this.failed ? html`<p class="problem" role="alert">${msg(str`The county data could not be loaded: ${this.failed}.`)}</p>` : nothing}
        ${this.data ? this.body(this.data) : this.failed ? nothing : html`<p role="status">${msg('Loading the county data…')}</p>`}
      </section>
    `;
  }

  private body(d: CountyData): TemplateResult {
    const matches = searchCounties(d.file.counties, this.query);
    const withAgreement = d.file.counties.filter((c) => inForce(c, d.file.listDate));
    return html`
      <div class="counties-grid">
        <div class="county-finder">
          <label for="county-search">${msg('Find a county')}</label>
          <input
            id="county-search"
            type="search"
            autocomplete="off"
            placeholder=${msg('Maricopa, AZ or 04013')}
            .value=${this.query}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter' && matches[0]) this.pick(matches[0]);
            }}
          />
          <p class="match-count" role="status">${this.query.trim() ? msg(str`Counties that match: ${matches.length}.`) : ''}</p>
          ${matches.length > 0 ? html`<ul class="county-list" aria-label=${msg('Matching counties')}>${matches.slice(0, RESULTS_SHOWN).map((c) => this.item(c, d))}</ul>` : nothing}
          <details class="county-all">
            <summary>${msg(str`Every county with an agreement (${withAgreement.length})`)}</summary>
            <ul class="county-list" aria-label=${msg('Counties with an agreement')}>${withAgreement.map((c) => this.item(c, d))}</ul>
          </details>
        </div>
        <div class="county-map-panel">
          <county-map
            .shapes=${d.shapes}
            .states=${d.states}
            .fill=${this.fillOf(d)}
            .selected=${this.picked?.fips}
            .label=${this.mapLabel(d, withAgreement.length)}
            @county-pick=${(e: CustomEvent<string>) => {
              const c = this.byFips.get(e.detail);
              if (c) this.pick(c);
            }}
          ></county-map>
          ${this.legend()}
          <p class="map-note">
            ${msg('Outlines are the Census Bureau\u2019s of 2017: Connecticut\u2019s nine planning regions and two Alaska census areas of the data have none (grey), and are in the list.')}
          </p>
          ${this.nationControls()}
        </div>
        <div class="county-facts">${this.picked ? this.facts(this.picked, d) : html`<p class="hint">${msg('No county picked yet.')}</p>`}</div>
      </div>
    `;
  }

  private item(c: County, d: CountyData): TemplateResult {
    const a = inForce(c, d.file.listDate);
    return html`<li>
      <button class="link" aria-pressed=${this.picked?.fips === c.fips ? 'true' : 'false'} @click=${() => this.pick(c)}>
        ${c.name}, ${c.state}<span class="muted"> — ${a ? policyLabel(a.model, false, false) : msg('no agreement')}</span>
      </button>
    </li>`;
  }

  private async pick(c: County): Promise<void> {
    this.picked = c;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#county-facts-title')?.focus();
  }

  private fillOf(d: CountyData): (fips: string) => string {
    const nation = this.nation;
    if (nation) {
      const change = new Map(nation.counties.map((c) => [c.fips, c.estimates.reporting.mean]));
      return (fips) => {
        const m = change.get(fips);
        return m === undefined || m === null ? NO_RESULT : changeColour(m * 100);
      };
    }
    return (fips) => {
      const c = this.byFips.get(fips);
      const a = c ? inForce(c, d.file.listDate) : undefined;
      return c ? MODEL_COLOURS[a?.model ?? 'none'] : NO_RESULT;
    };
  }

  private mapLabel(d: CountyData, treated: number): string {
    if (this.nation)
      return msg(
        str`Map of U.S. counties coloured by the change in Latino reporting a national run found in ${this.nation.counties.length} counties; the list beside the map picks a county by keyboard.`,
      );
    return msg(
      str`Map of U.S. counties: ${treated} of ${d.file.counties.length} have a 287(g) agreement on ICE\u2019s list of ${d.file.listDate}; the list beside the map picks a county by keyboard.`,
    );
  }

  private legend(): TemplateResult {
    const items = this.nation
      ? [
          ...CHANGE_BINS.map((b, i) => ({
            colour: b.colour,
            label:
              i === 0
                ? msg(str`fell ${Math.abs(b.upTo)} points or more`)
                : b.upTo === Number.POSITIVE_INFINITY
                  ? msg(str`rose more than ${CHANGE_BINS[i - 1].upTo} points`)
                  : msg(str`${CHANGE_BINS[i - 1].upTo} to ${b.upTo} points`),
          })),
          { colour: NO_RESULT, label: msg('not run (no agreement), or no crime against a Latino resident') },
        ]
      : [
          ...(['taskForce', 'jailEnforcement', 'warrantService'] as const).map((m) => ({ colour: MODEL_COLOURS[m], label: policyLabel(m, false, false) })),
          { colour: MODEL_COLOURS.none, label: msg('no agreement') },
        ];
    return html`<ul class="map-legend" aria-label=${msg('Map key')}>
      ${items.map((i) => html`<li><span class="swatch" style="background:${i.colour}"></span>${i.label}</li>`)}
    </ul>`;
  }

  private nationControls(): TemplateResult {
    return html`<div class="nation-controls">
      <label
        >${msg('Colour by a national run (the JSON file of sim nation --out):')}
        <input type="file" accept=".json,application/json" @change=${this.onNationFile} />
      </label>
      ${this.nation ? html`<button @click=${() => (this.nation = undefined)}>${msg('Back to agreements')}</button>` : nothing}
      <button @click=${this.saveFigure}>${msg('Save the map (PNG)')}</button>
      ${this.nationProblem ? html`<p class="problem" role="alert">${this.nationProblem}</p>` : nothing}
      ${this.nation ? html`<p class="caption">${this.nationCaption(this.nation)}</p>` : nothing}
    </div>`;
  }

  private nationCaption(n: NationReport): string {
    const locale = getLocale();
    const t = n.totals.reportingAll;
    const pts = (x: number | null) => (x === null ? '—' : formatNumber(x * 100, 1, locale, true));
    return msg(
      str`National run: ${n.counties.length} counties with an agreement on ${n.asOf}, each against its no-agreement twin, at 1:${n.scale} with ${n.replicates} replicates (seed ${n.seed}). Change in Latino reporting over every Latino resident of the states run: ${pts(t.mean)} points (95% interval ${pts(t.lo)} to ${pts(t.hi)}).`,
    );
  }

  private onNationFile = async (e: Event) => {
    const f = pickedFile(e);
    if (!f) return;
    try {
      const parsed = JSON.parse(await f.text()) as NationReport;
      if (parsed?.kind !== 'trustfall-nation' || !Array.isArray(parsed.counties)) throw new Error(msg('it is not the output of sim nation'));
      this.nation = parsed;
      this.nationProblem = '';
    } catch (err) {
      this.nationProblem = msg(str`${f.name} could not be read: ${(err as Error).message}.`);
    }
  };

  private saveFigure = async () => {
    const svgEl = this.querySelector<SVGSVGElement>('svg.county-map');
    if (!svgEl) return;
    const title = this.nation ? msg('Change in Latino reporting under 287(g), by county') : msg('287(g) agreements by county');
    const caption = this.nation
      ? this.nationCaption(this.nation)
      : msg(
          str`Agreements on ICE\u2019s list of ${this.data!.file.listDate}; a county with several shown by the one that reaches furthest. Outlines: Census 2017 (us-atlas).`,
        );
    const legend = [...this.querySelectorAll<HTMLLIElement>('.map-legend li')].map((li) => ({
      colour: li.querySelector<HTMLElement>('.swatch')!.style.background,
      label: li.textContent?.trim() ?? '',
    }));
    const png = await mapFigure(svgEl, { title, caption, legend });
    downloadUrl(this.nation ? 'trustfall-nation-map.png' : 'trustfall-287g-map.png', png);
  };

  private facts(c: County, d: CountyData): TemplateResult {
    const locale = getLocale();
    const n = (x: number, digits = 0) => formatNumber(x, digits, locale);
    const pct = (x: number) => `${formatNumber(x * 100, 1, locale)}%`;
    const inState = d.file.stateAgreements.filter((a) => a.state === c.state);
    const built = scenarioFromCounty(d.file, c, { scale: this.scale || undefined, neighbours: this.neighbours });
    const result = this.nation?.counties.find((r) => r.fips === c.fips);
    const chapter = countyChapter(d.file, c, built);
    return html`
      <h3 id="county-facts-title" tabindex="-1">${c.name}, ${c.state}</h3>
      <dl class="facts">
        <dt>${msg('FIPS code')}</dt><dd>${c.fips}</dd>
        <dt>${msg('Residents')}</dt><dd>${n(c.population)}</dd>
        <dt>${msg('Latino residents')}</dt><dd>${pct(c.latinoShare)}</dd>
        <dt>${msg('Households')}</dt><dd>${n(c.households)} (${msg(str`${n(c.householdSize, 2)} people each`)})</dd>
        <dt>${msg('Non-citizens (assumed)')}</dt><dd>${pct(c.noncitizenShare)} <span class="muted">${msg('the model\u2019s national shares, not a county figure')}</span></dd>
        <dt>${msg('Speak English less than well')}</dt><dd>${pct(c.limitedEnglishShare)}</dd>
        <dt>${msg('Neighbouring counties')}</dt>
        <dd>
          ${c.neighbours.length === 0 ? msg('none (an island county)') : c.neighbours.map((f, i) => html`${i > 0 ? ', ' : ''}<button class="link" @click=${() => this.pick(this.byFips.get(f)!)}>${this.byFips.get(f)?.name}, ${this.byFips.get(f)?.state}</button>`)}
        </dd>
      </dl>
      <h4>${msg(str`287(g) agreements on ICE\u2019s list of ${d.file.listDate}`)}</h4>
      ${
        c.agreements.length === 0
          ? html`<p>${msg('None.')}</p>`
          : html`<ul class="agreements">
              ${c.agreements.map((a) => html`<li>${policyLabel(a.model, false, false)}: ${a.agency} (${a.kind === 'municipal' ? msg('a town\u2019s police') : msg('a county agency')}), ${msg(str`signed ${a.signed}`)}</li>`)}
            </ul>`
      }
      ${inState.length > 0 ? html`<p class="muted">${msg(str`Statewide agencies of ${c.state} with an agreement (not modelled): ${inState.length}.`)}</p>` : nothing}
      ${
        result
          ? html`<p>${msg(str`The national run found Latino reporting changed by ${formatNumber((result.estimates.reporting.mean ?? 0) * 100, 1, locale, true)} points here (policy minus twin).`)}</p>`
          : nothing
      }
      <h4>${msg('Run it in the lab')}</h4>
      <div class="county-run">
        <label
          >${msg('Scale')}
          <select @change=${(e: Event) => (this.scale = Number((e.target as HTMLSelectElement).value))}>
            ${SCALES.map((s) => html`<option value=${s} ?selected=${this.scale === s}>${s === 0 ? msg('automatic (at most 100,000 residents)') : `1:${s}`}</option>`)}
          </select>
        </label>
        <label><input type="checkbox" .checked=${this.neighbours} @change=${(e: Event) => (this.neighbours = (e.target as HTMLInputElement).checked)} /> ${msg('with its two most populous neighbours')}</label>
        <button class="primary" @click=${() => this.dispatchEvent(new CustomEvent('county-open-lab', { detail: { scenario: built.scenario as Record<string, unknown>, seed: 1 }, bubbles: true, composed: true }))}>
          ${msg('Open in the lab')}
        </button>
        ${
          chapter
            ? html`<button @click=${() => (location.hash = encodeChapterLink(chapter, false))}>${msg('Open as a story chapter')}</button>`
            : html`<p class="muted">${msg('A story chapter needs an agreement to compare with its no-agreement twin.')}</p>`
        }
      </div>
      <details class="county-notes" open>
        <summary>${msg('What the scenario assumes')}</summary>
        <ul>${built.notes.map((note) => html`<li>${note}</li>`)}</ul>
      </details>
      <p class="sources muted">
        ${msg('Sources: CDC/ATSDR Social Vulnerability Index 2022 (ACS 2018–2022 estimates); ICE, 287(g) participating agencies; Census county adjacency 2024 and place codes 2020. Details in data/README.md.')}
      </p>
    `;
  }
}

customElements.define('counties-view', CountiesView);

declare global {
  interface HTMLElementTagNameMap {
    'counties-view': CountiesView;
  }
}
