import { msg, str } from '@lit/localize';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { formatNumber } from '../../i18n/labels.ts';
import { getLocale } from '../i18n/locale.ts';
import { type HeatMeasure, MEASURE_SCALES, measureCss } from '../../render/colours.ts';

/** A measure's name in the app's language (the renderer's table holds the English). */
export function measureLabel(m: HeatMeasure): string {
  switch (m) {
    case 'trust':
      return msg('Trust in police');
    case 'trustChange':
      return msg('Change in trust since the policy started');
    case 'fear':
      return msg('Fear of immigration consequences');
    case 'reporting':
      return msg('Chance a crime is reported');
  }
}

/** Small SVG shapes matching the renderer's textures, for the legend. */
function shape(kind: 'circle' | 'square' | 'triangle' | 'star' | 'ring' | 'cross' | 'box' | 'diamond' | 'question', colour: string): TemplateResult {
  const body = {
    circle: svg`<circle cx="8" cy="8" r="6" fill=${colour} />`,
    square: svg`<rect x="2.5" y="2.5" width="11" height="11" fill=${colour} />`,
    triangle: svg`<polygon points="8,1.5 14.5,14 1.5,14" fill=${colour} />`,
    star: svg`<polygon points="8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.2,6" fill=${colour} />`,
    ring: svg`<circle cx="8" cy="8" r="5" fill="none" stroke=${colour} stroke-width="2.2" />`,
    cross: svg`<path d="M3 3 L13 13 M13 3 L3 13" stroke=${colour} stroke-width="2.4" />`,
    box: svg`<rect x="3.5" y="3.5" width="9" height="9" fill="none" stroke=${colour} stroke-width="2" />`,
    diamond: svg`<polygon points="8,1.5 14.5,8 8,14.5 1.5,8" fill=${colour} />`,
    question: svg`<text x="8" y="13" text-anchor="middle" font-size="14" font-weight="bold" fill=${colour}>?</text>`,
  }[kind];
  return html`<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${body}</svg>`;
}

/** A measure's colour ramp with the values at its ends. */
function ramp(m: HeatMeasure): TemplateResult {
  const { domain } = MEASURE_SCALES[m];
  const at = (f: number) => domain[0] + f * (domain[1] - domain[0]);
  // Trust and fear out of 100 (a change in points), a chance as a percentage: as every screen shows them.
  const show = (v: number) => `${formatNumber(v * 100, 0, getLocale(), m === 'trustChange')}${m === 'reporting' ? '%' : ''}`;
  const low = show(domain[0]);
  const high = show(domain[1]);
  const note = m === 'trustChange' ? msg(' (grey: no change; all grey before the policy starts)') : m === 'trust' ? msg(' (0 = none, 100 = full)') : '';
  // The ends stay beside the ramp (never wrapped under it); a note, if any, takes its own line.
  return html`<span class="scale"><span class="end">${msg(str`${low} or less`)}</span>
    <span class="ramp" style="background:linear-gradient(90deg, ${[0, 0.25, 0.5, 0.75, 1].map((f) => measureCss(m, at(f))).join(', ')})"></span>
    <span class="end">${msg(str`${high} or more`)}</span></span>${note ? html`<span class="note">${note.trim()}</span>` : nothing}`;
}

/** The heat map's legend: the measure, its colour ramp and the values at its ends. */
function heatLegend(m: HeatMeasure): TemplateResult {
  const measure = measureLabel(m).toLowerCase();
  const what = m === 'reporting' ? msg('chance a crime is reported (offenders\u2019 running estimate)') : msg(str`mean ${measure}`);
  return html`<div class="legend" aria-label=${msg('Legend')}>
    <div class="row"><span class="title">${msg(str`Each square: one neighbourhood's ${what}`)}</span></div>
    <div class="row">${ramp(m)}<span class="item">${msg('blank: no residents left')}</span></div>
  </div>`;
}

/** The town view's legend: the colour of residents, group shapes, officers and event marks; or the heat map's scale. */
export function legend(layer: 'residents' | 'neighbourhoods', m: HeatMeasure): TemplateResult {
  if (layer === 'neighbourhoods') return heatLegend(m);
  const grey = '#555';
  const measure = measureLabel(m).toLowerCase();
  return html`<div class="legend" aria-label=${msg('Legend')}>
    <div class="row"><span class="title">${msg(str`Each resident: ${measure}`)}</span>${ramp(m)}</div>
    <div class="row">
      <span class="item">${shape('circle', grey)} ${msg('non-Latino')}</span>
      <span class="item">${shape('square', grey)} ${msg('Latino citizen')}</span>
      <span class="item">${shape('triangle', grey)} ${msg('Latino non-citizen')}</span>
      <span class="item faded">${shape('circle', grey)} ${msg('faded: in custody')}</span>
      <span class="item">${shape('star', '#14213d')} ${msg('officer')}</span>
    </div>
    <div class="row">
      <span class="item">${shape('ring', '#1a7f37')} ${msg('crime, reported')}</span>
      <span class="item">${shape('cross', '#8a1c1c')} ${msg('crime, not reported')}</span>
      <span class="item">${shape('box', '#1d3a6e')} ${msg('stop')}</span>
      <span class="item">${shape('question', '#6a1b9a')} ${msg('status questioned')}</span>
      <span class="item">${shape('diamond', '#c62828')} ${msg('immigration detention')}</span>
      <span class="item">${shape('cross', '#000')} ${msg('removal')}</span>
    </div>
  </div>`;
}
