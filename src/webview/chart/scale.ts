// Money scales for the chart. Domains and ticks stay in exact fen (bigint) so every tick label is a
// formatAmount of an exact amount; only the pixel position is a float.
import { pow10, UNIT_FEN_EXPONENT, type Fen, type Unit } from '../../core/money/units';

export interface MoneyScale {
  readonly min: Fen;
  readonly max: Fen;
  /** Pixel x of `fen`; clamps nothing so overflows stay visible to the caller. */
  x(fen: Fen): number;
  readonly ticks: readonly Fen[];
  /** Decimals that show every tick exactly in the unit the scale was built for. */
  readonly tickDecimals: number;
}

const STEPS = [1n, 2n, 5n];

/**
 * The smallest "nice" step (1, 2 or 5 × 10^k fen) that covers `span` in at most `maxTicks` intervals.
 * Steps below one displayed digit of `unit` are avoided so 亿元 axes do not show 0.0000001.
 */
export function niceStep(span: Fen, maxTicks: number, unit: Unit): Fen {
  const intervals = BigInt(Math.max(1, Math.floor(maxTicks)));
  const floor = pow10(Math.max(0, UNIT_FEN_EXPONENT[unit] - 2));
  for (let k = 0; k < 40; k++) {
    for (const m of STEPS) {
      const step = m * pow10(k);
      if (step < floor) continue;
      if (step * intervals >= span) return step;
    }
  }
  return pow10(40);
}

/** A linear scale from [min, max] fen to [x0, x1] pixels, domain widened to whole nice steps. */
export function moneyScale(
  lo: Fen,
  hi: Fen,
  x0: number,
  x1: number,
  unit: Unit,
  maxTicks = 4,
): MoneyScale {
  const low = lo < 0n ? lo : 0n;
  let high = hi > low ? hi : low + pow10(UNIT_FEN_EXPONENT[unit]);
  const step = niceStep(high - low, maxTicks, unit);
  const min = floorTo(low, step);
  high = ceilTo(high, step);
  const ticks: Fen[] = [];
  for (let t = min; t <= high; t += step) ticks.push(t);
  const span = Number(high - min);
  const width = x1 - x0;
  return {
    min,
    max: high,
    ticks,
    tickDecimals: decimalsFor(step, unit),
    x: (fen: Fen) => x0 + (Number(fen - min) / span) * width,
  };
}

/** Fewest decimals that print `step` (and so every multiple of it) exactly in `unit`. */
export function decimalsFor(step: Fen, unit: Unit): number {
  let places = UNIT_FEN_EXPONENT[unit];
  while (places > 0 && step % pow10(UNIT_FEN_EXPONENT[unit] - places + 1) === 0n) places--;
  return places;
}

function floorTo(v: Fen, step: Fen): Fen {
  const r = v % step;
  return r === 0n ? v : v < 0n ? v - r - step : v - r;
}

function ceilTo(v: Fen, step: Fen): Fen {
  const r = v % step;
  return r === 0n ? v : v > 0n ? v - r + step : v - r;
}

/** Linear scale for time in epoch days (pace chart); floats are fine, days are not money. */
export function dayScale(d0: number, d1: number, x0: number, x1: number): (day: number) => number {
  const span = d1 > d0 ? d1 - d0 : 1;
  return (day: number) => x0 + ((day - d0) / span) * (x1 - x0);
}
