import { svg, type SVGTemplateResult, type TemplateResult, html } from 'lit';
import type { AbcParticle } from '../../calibrate/abc.ts';
import type { CalibrationParam } from '../../calibrate/calibrate.ts';

const BINS = 12;
const CELL = 132;
const PAD = 6;

/** Weighted counts of x (0–1 across the range) in BINS equal bins, as shares of the total weight. */
function histogram(particles: readonly AbcParticle[], i: number): number[] {
  const h = new Array<number>(BINS).fill(0);
  for (const p of particles) h[Math.min(BINS - 1, Math.floor(p.x[i] * BINS))] += p.weight;
  const total = h.reduce((a, b) => a + b, 0) || 1;
  return h.map((v) => v / total);
}

/** One parameter's posterior as bars over its whole range (the prior is flat across it). */
function bars(particles: readonly AbcParticle[], i: number, size: number): SVGTemplateResult {
  const h = histogram(particles, i);
  const top = Math.max(...h, 1e-9);
  const w = (size - 2 * PAD) / BINS;
  return svg`${h.map((v, b) => {
    const height = (v / top) * (size - 2 * PAD);
    return svg`<rect class="bar" x=${PAD + b * w} y=${size - PAD - height} width=${Math.max(0.5, w - 1)} height=${height} fill="#0072b2" />`;
  })}`;
}

/** Two parameters' particles as dots, their area by weight: a ridge shows a trade-off. */
function dots(particles: readonly AbcParticle[], i: number, j: number, size: number): SVGTemplateResult {
  const max = Math.max(...particles.map((p) => p.weight), 1e-12);
  const span = size - 2 * PAD;
  return svg`${particles.map(
    (p) =>
      svg`<circle class="dot" cx=${PAD + p.x[j] * span} cy=${size - PAD - p.x[i] * span} r=${1.5 + 3 * Math.sqrt(p.weight / max)} fill="#d55e00" fill-opacity="0.55" />`,
  )}`;
}

/**
 * The posterior at a glance: a k × k grid with each parameter's histogram on the diagonal (numbered as
 * in the table beside it) and each pair's particles below it (row parameter up, column parameter
 * across), every axis the parameter's whole search range.
 */
export function pairPlot(particles: readonly AbcParticle[], params: readonly CalibrationParam[], label: string): TemplateResult {
  const k = params.length;
  const labelW = 18;
  const size = labelW + k * CELL;
  return html`<svg class="pair-plot" width=${size} height=${size + labelW} role="img" aria-label=${label}>
    ${params.map((_, i) =>
      params.map((_, j) => {
        if (j > i) return svg``;
        const x = labelW + j * CELL;
        const y = i * CELL;
        return svg`<g class=${i === j ? 'diagonal' : 'pair'} transform=${`translate(${x},${y})`}>
          <rect x="1" y="1" width=${CELL - 2} height=${CELL - 2} fill="#fff" stroke="#ddd6c8" />
          ${i === j ? bars(particles, i, CELL) : dots(particles, i, j, CELL)}
          ${i === j ? svg`<text x="8" y="16" font-size="12" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">${i + 1}</text>` : svg``}
        </g>`;
      }),
    )}
    ${params.map((p, j) => svg`<text x=${labelW + j * CELL + CELL / 2} y=${k * CELL + 13} text-anchor="middle" font-size="10">${j + 1}: ${p.min} – ${p.max}</text>`)}
  </svg>`;
}
