import { pow10, type Rounding } from './units';

/**
 * Integer division rounded by `mode`, exact for any size.
 * half-up means away from zero on an exact half (四舍五入), as finance staff expect for negatives too.
 */
export function divRound(n: bigint, d: bigint, mode: Rounding): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = n < 0n ? q - 1n : q + 1n;
  if (twice > d) return away;
  if (twice < d) return q;
  if (mode === 'half-up') return away;
  return q % 2n === 0n ? q : away;
}

/** An exact decimal: `coef / 10^scale`. */
export interface Decimal {
  coef: bigint;
  scale: number;
}

/**
 * Parses a plain or exponent decimal as printed by BigNumber (`-1.5`, `2e-7`, `1.25e+30`).
 * Returns undefined for anything else (NaN, Infinity), so callers turn it into an explicit error.
 */
export function parseDecimal(text: string): Decimal | undefined {
  let i = 0;
  let neg = false;
  if (text[i] === '-' || text[i] === '+') {
    neg = text[i] === '-';
    i++;
  }
  let digits = '';
  let scale = 0;
  let seenPoint = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += text[i];
      if (seenPoint) scale++;
    } else if (c === 46 && !seenPoint) {
      seenPoint = true;
    } else break;
  }
  if (digits === '') return undefined;
  if (i < text.length) {
    if (text[i] !== 'e' && text[i] !== 'E') return undefined;
    const exp = Number(text.slice(i + 1));
    if (!Number.isInteger(exp) || Math.abs(exp) > 100000) return undefined;
    scale -= exp;
  }
  let coef = BigInt(digits);
  if (scale < 0) {
    coef *= pow10(-scale);
    scale = 0;
  }
  return { coef: neg ? -coef : coef, scale };
}

/** Rescales to exactly `places` decimals, rounding by `mode` when digits are dropped. */
export function rescale(d: Decimal, places: number, mode: Rounding): bigint {
  if (d.scale <= places) return d.coef * pow10(places - d.scale);
  return divRound(d.coef, pow10(d.scale - places), mode);
}

/** Prints `coef / 10^scale` exactly, without exponent; `minDecimals` pads with zeros. */
export function decimalToString(coef: bigint, scale: number, minDecimals = 0): string {
  const neg = coef < 0n;
  let s = (neg ? -coef : coef).toString();
  if (scale > 0) {
    if (s.length <= scale) s = '0'.repeat(scale - s.length + 1) + s;
    let int = s.slice(0, s.length - scale);
    let frac = s.slice(s.length - scale);
    let end = frac.length;
    while (end > minDecimals && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    if (frac.length < minDecimals) frac += '0'.repeat(minDecimals - frac.length);
    if (int === '') int = '0';
    s = frac ? `${int}.${frac}` : int;
  } else if (minDecimals > 0) {
    s += '.' + '0'.repeat(minDecimals);
  }
  return neg ? '-' + s : s;
}
