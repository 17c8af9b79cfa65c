import { html, svg, type TemplateResult } from 'lit';
import { type HeatMeasure, MEASURE_SCALES, measureCss } from '../../render/colours.ts';

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
  const { domain, digits } = MEASURE_SCALES[m];
  const at = (f: number) => domain[0] + f * (domain[1] - domain[0]);
  const show = (v: number) => `${m === 'trustChange' && v > 0 ? '+' : ''}${v.toFixed(digits)}`;
  return html`<span>${show(domain[0])} or less</span>
    <span class="ramp" style="background:linear-gradient(90deg, ${[0, 0.25, 0.5, 0.75, 1].map((f) => measureCss(m, at(f))).join(', ')})"></span>
    <span>${show(domain[1])} or more${m === 'trustChange' ? ' (grey: no change; all grey before the policy starts)' : m === 'trust' ? ' (0 = none, 1 = full)' : ''}</span>`;
}

/** The heat map's legend: the measure, its colour ramp and the values at its ends. */
function heatLegend(m: HeatMeasure): TemplateResult {
  const what = m === 'reporting' ? 'chance a crime is reported (offenders\u2019 running estimate)' : `mean ${MEASURE_SCALES[m].label.toLowerCase()}`;
  return html`<div class="legend" aria-label="Legend">
    <div class="row"><span class="title">Each square: one neighbourhood's ${what}</span></div>
    <div class="row">${ramp(m)}<span class="item">blank: no residents left</span></div>
  </div>`;
}

/** The town view's legend: the colour of residents, group shapes, officers and event marks; or the heat map's scale. */
export function legend(layer: 'residents' | 'neighbourhoods', m: HeatMeasure): TemplateResult {
  if (layer === 'neighbourhoods') return heatLegend(m);
  const grey = '#555';
  return html`<div class="legend" aria-label="Legend">
    <div class="row"><span class="title">Each resident: ${MEASURE_SCALES[m].label.toLowerCase()}</span>${ramp(m)}</div>
    <div class="row">
      <span class="item">${shape('circle', grey)} non-Latino</span>
      <span class="item">${shape('square', grey)} Latino citizen</span>
      <span class="item">${shape('triangle', grey)} Latino non-citizen</span>
      <span class="item faded">${shape('circle', grey)} faded: in custody</span>
      <span class="item">${shape('star', '#14213d')} officer</span>
    </div>
    <div class="row">
      <span class="item">${shape('ring', '#1a7f37')} crime, reported</span>
      <span class="item">${shape('cross', '#8a1c1c')} crime, not reported</span>
      <span class="item">${shape('box', '#1d3a6e')} stop</span>
      <span class="item">${shape('question', '#6a1b9a')} status questioned</span>
      <span class="item">${shape('diamond', '#c62828')} immigration detention</span>
      <span class="item">${shape('cross', '#000')} removal</span>
    </div>
  </div>`;
}
