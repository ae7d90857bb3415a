import { parseDecimal, rescale } from './decimal';
import type { Fen, Rounding } from './units';

/** Anything that prints itself as a decimal: mathjs/decimal.js BigNumber has `toFixed()` without exponent. */
export interface DecimalLike {
  toFixed(): string;
}

/**
 * Rounds an amount in 元 to exact fen. Half-up (四舍五入, away from zero on .5) unless half-even is
 * configured. Throws RangeError on text that is not a finite decimal: callers pass engine values.
 */
export function roundToFen(value: string | DecimalLike, mode: Rounding = 'half-up'): Fen {
  return roundToPlaces(value, 2, mode);
}

/** Rounds to `places` decimals and returns the integer `value × 10^places`. */
export function roundToPlaces(value: string | DecimalLike, places: number, mode: Rounding): bigint {
  const text = typeof value === 'string' ? value : value.toFixed();
  const d = parseDecimal(text);
  if (!d) throw new RangeError(`not a finite decimal: ${text.slice(0, 40)}`);
  return rescale(d, places, mode);
}
