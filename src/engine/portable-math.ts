/**
 * exp, log, pow and cos that give the same bits on every JavaScript engine.
 *
 * `Math.exp`, `Math.log`, `Math.pow` and `Math.cos` are only required to be close to the true value, and
 * Node's V8 and the Chromium that runs the app's Worker disagree in the last bit for about one input in
 * ten. A simulated trajectory almost never notices (a draw flips only when it lands within that bit of
 * a probability), but sums of probabilities do: the same run then reported a metric that differed in the
 * 16th digit between the command line and the browser. These are fdlibm's algorithms (Sun
 * Microsystems, 1993; the ones V8 itself ports to C++) written in JavaScript, whose + − × ÷ are exact
 * IEEE 754 operations everywhere, so the result is the same wherever the engine runs. Accuracy is
 * fdlibm's (under one unit in the last place); the engine needs the sameness, not the last bit.
 */

// The high and low 32 bits of a double, through a shared buffer (every platform a browser or Node
// runs on is little-endian; checked once).
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
f64[0] = 1;
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  f64[0] = x;
  return u32[HI] | 0;
}

function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi >>> 0;
  return f64[0];
}

/** 2^k for k in −1022 … 1023, exact (powers of two are exact doubles). */
const TWO_POW = new Float64Array(2046);
{
  let p = 1;
  for (let k = 0; k <= 1023; k++, p *= 2) TWO_POW[1022 + k] = p;
  p = 1;
  for (let k = 0; k >= -1022; k--, p /= 2) TWO_POW[1022 + k] = p;
}

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = Math.LOG2E;
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 6.613756321437934e-5;
const P4 = -1.6533902205465252e-6;
const P5 = 4.1381367970572385e-8;

/** e^x (fdlibm e_exp.c). */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
  if (x < -745.1332191019411) return 0;
  const ax = x < 0 ? -x : x;
  let k = 0;
  let hi = 0;
  let lo = 0;
  if (ax > 0.5 * LN2_HI) {
    if (ax < 1.5 * LN2_HI) {
      k = x < 0 ? -1 : 1;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    } else {
      k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return k <= 1023 ? y * TWO_POW[1022 + k] : y * 2 * TWO_POW[1022 + k - 1];
  return y * TWO_POW[1022 + k + 1000] * TWO_POW[1022 - 1000];
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

/** Natural logarithm (fdlibm e_log.c). */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  let k = 0;
  let hx = highWord(x);
  if (hx < 0x00100000) {
    // subnormal: scale up
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i0 ^ 0x3ff00000)); // normalise x or x/2
  k += i0 >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  let i = hx - 0x6147a;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

/**
 * x^y for x > 0 (the engine's uses: a half-life factor, the coverage curve, the offending response), as
 * e^(y·ln x); whole exponents up to 64 by repeated squaring, exactly as any engine would. x ≤ 0 gives
 * what Math.pow gives for the cases that arise (0^y), NaN otherwise.
 */
export function pow(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 64) return powInt(x, y);
  if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY;
  if (x < 0 || Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (x === 1) return 1;
  return exp(y * log(x));
}

function powInt(x: number, n: number): number {
  let m = n < 0 ? -n : n;
  let r = 1;
  let b = x;
  while (m > 0) {
    if (m & 1) r *= b;
    b *= b;
    m >>>= 1;
  }
  return n < 0 ? 1 / r : r;
}

const S1 = -0.16666666666666632;
const S2 = 0.00833333333332249;
const S3 = -0.0001984126982985795;
const S4 = 2.7557313707070068e-6;
const S5 = -2.5050760253406863e-8;
const S6 = 1.58969099521155e-10;
const C1 = 0.0416666666666666;
const C2 = -0.001388888888887411;
const C3 = 2.480158728947673e-5;
const C4 = -2.7557314351390663e-7;
const C5 = 2.087572321298175e-9;
const C6 = -1.1359647557788195e-11;
const TWO_PI = 6.283185307179586;

/** sin x for |x| ≤ π/4 (fdlibm k_sin.c). */
function kernelSin(x: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x + v * (S1 + z * r);
}

/** cos x for |x| ≤ π/4 (fdlibm k_cos.c, without its extra-precision branch above 0.3: same bits everywhere, a little less accurate). */
function kernelCos(x: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  return 1 - (0.5 * z - z * r);
}

/** cos(2π·u) for a fraction of a turn u (what Box–Muller needs), reduced by turns so no large argument arises. */
export function cosTurns(u: number): number {
  const a = Math.abs(u - Math.round(u)); // 0 … 0.5 of a turn, cos is even
  if (a <= 0.125) return kernelCos(TWO_PI * a);
  if (a <= 0.375) return kernelSin(TWO_PI * (0.25 - a));
  return -kernelCos(TWO_PI * (0.5 - a));
}

// Keep the low-word index used (documenting the layout) without a lint complaint.
void LO;
