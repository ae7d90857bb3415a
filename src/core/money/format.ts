import { decimalToString, divRound } from './decimal';
import { pow10, UNIT_FEN_EXPONENT, type Fen, type Rounding, type Unit } from './units';

export interface FormatOptions {
  /** Thousands separators (default true). */
  grouping?: boolean;
  /**
   * Fixed number of decimals. Default: 2, extended up to the unit's exact precision (6 for 万元,
   * 10 for 亿元) when needed, so a default display never loses a fen.
   */
  decimals?: number;
  /** Only used when `decimals` drops digits (default half-up). */
  rounding?: Rounding;
  /** Append the unit, e.g. `432.00 万元` (default false: the grid shows the unit in the header). */
  suffix?: boolean;
}

/** Formats exact fen in `unit`: `formatAmount(432000000n, '万元')` → `432.00`. */
export function formatAmount(fen: Fen, unit: Unit, opts: FormatOptions = {}): string {
  const exp = UNIT_FEN_EXPONENT[unit];
  let text: string;
  if (opts.decimals === undefined) {
    text = decimalToString(fen, exp, 2);
  } else {
    const places = Math.max(0, Math.min(30, Math.trunc(opts.decimals)));
    const coef =
      places >= exp
        ? fen * pow10(places - exp)
        : divRound(fen, pow10(exp - places), opts.rounding ?? 'half-up');
    text = decimalToString(coef, places, places);
  }
  if (opts.grouping ?? true) text = group(text);
  return opts.suffix ? `${text} ${unit}` : text;
}

function group(text: string): string {
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  const point = text.indexOf('.');
  const end = point < 0 ? text.length : point;
  if (end - start <= 3) return text;
  let out = text.slice(0, start);
  const first = (end - start) % 3 || 3;
  out += text.slice(start, start + first);
  for (let i = start + first; i < end; i += 3) out += ',' + text.slice(i, i + 3);
  return out + text.slice(end);
}
