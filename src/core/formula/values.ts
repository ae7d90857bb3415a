import type { BigNumber } from 'mathjs';
import type { Bilingual } from '../diagnostics';
import { decimalToString, type Rounding } from '../money';
import type { BlockCache } from './aggregates';
import { restrictedMath } from './mathjs-instance';
import { ErrVal, type CellAddress, type ErrorCode, type Stored } from './types';

/** A rectangle of cells as a function argument; whole-column ranges skip total rows. */
export class RangeVal {
  constructor(
    readonly r1: number,
    readonly c1: number,
    readonly r2: number,
    readonly c2: number,
    readonly skipTotals: boolean,
    /** Whole-column ranges also skip the formula's own cell, so `=SUM(G:G)` in G is not a cycle. */
    readonly selfRow = -1,
    readonly selfCol = -1,
  ) {}
  skips(row: number, col: number): boolean {
    return row === this.selfRow && col === this.selfCol;
  }
  get rows(): number {
    return this.r2 - this.r1 + 1;
  }
  get cols(): number {
    return this.c2 - this.c1 + 1;
  }
}

export type Scalar = BigNumber | string | boolean | null | ErrVal;
export type Val = Scalar | RangeVal;

/** Everything the interpreter may ask of the engine while evaluating one formula. */
export interface EvalContext {
  readonly self: CellAddress;
  /** Fen exponent of the formula cell's unit: referenced amounts are read in that unit. */
  readonly unitExp: number;
  readonly rounding: Rounding;
  read(row: number, col: number): Stored;
  isTotalRow(row: number): boolean;
  /** Counts work; throws BudgetExceeded past the limit so hostile formulas cannot hang the grid. */
  step(n: number): void;
  /** Aggregate caches of this formula, per call node and argument slot. */
  cache(node: object, slot: number): BlockCache | undefined;
  setCache(node: object, slot: number, value: BlockCache): void;
  /**
   * Change clock of a block of rows in a column (see aggregates.ts), and the current clock.
   * `skipTotals`: ignore changes of total rows' values, which ranges that skip them never read.
   */
  blockStamp(col: number, block: number, skipTotals: boolean): number;
  /** Blocks of a column changed after `since`; undefined when unknown (then every block is checked). */
  changedBlocks(col: number, since: number, skipTotals: boolean): readonly number[] | undefined;
  clock(): number;
}

export class BudgetExceeded {}

/** Magnitude above which a number is #NUM!: far beyond any budget, small enough to stay exact and cheap. */
const LIMIT_DIGITS = 30;

export function big(v: string | number): BigNumber {
  return new (restrictedMath().BigNumber)(v);
}

export const ZERO = (): BigNumber => big(0);

export function isBig(v: unknown): v is BigNumber {
  return (
    typeof v === 'object' && v !== null && (v as { isBigNumber?: unknown }).isBigNumber === true
  );
}

export function fenToBig(fen: bigint, exp: number): BigNumber {
  return big(decimalToString(fen, exp));
}

export function err(ctx: EvalContext, code: ErrorCode, en: string, zh: string): ErrVal {
  return new ErrVal(code, { en, zh } satisfies Bilingual, ctx.self);
}

/** Stored cell value → interpreter scalar, amounts converted into the formula cell's unit. */
export function toScalar(s: Stored, exp: number): Scalar {
  return typeof s === 'bigint' ? fenToBig(s, exp) : s;
}

/** Rejects NaN, infinities and absurd magnitudes, so no non-finite value ever leaves the engine. */
export function checkNumber(ctx: EvalContext, v: BigNumber): BigNumber | ErrVal {
  if (!v.isFinite())
    return v.isNaN()
      ? err(ctx, '#NUM!', 'result is not a number', '结果不是数字')
      : err(ctx, '#NUM!', 'result is infinite', '结果为无穷大');
  if (!v.isZero() && v.abs().e >= LIMIT_DIGITS)
    return err(ctx, '#NUM!', `result exceeds 10^${LIMIT_DIGITS}`, `结果超过 10^${LIMIT_DIGITS}`);
  if (!v.isZero() && v.abs().e < -LIMIT_DIGITS) return ZERO();
  return v;
}

export function toNumber(ctx: EvalContext, v: Val): BigNumber | ErrVal {
  if (isBig(v)) return v;
  if (v instanceof ErrVal) return v;
  if (v === null) return ZERO();
  if (typeof v === 'boolean') return big(v ? 1 : 0);
  if (v instanceof RangeVal) return rangeAsScalar(ctx);
  return err(
    ctx,
    '#VALUE!',
    `text "${clip(v)}" used as a number`,
    `文本“${clip(v)}”被当作数字使用`,
  );
}

export function toBool(ctx: EvalContext, v: Val): boolean | ErrVal {
  if (typeof v === 'boolean') return v;
  if (isBig(v)) return !v.isZero();
  if (v instanceof ErrVal) return v;
  if (v === null) return false;
  if (v instanceof RangeVal) return rangeAsScalar(ctx);
  return err(
    ctx,
    '#VALUE!',
    `text "${clip(v)}" used as TRUE/FALSE`,
    `文本“${clip(v)}”被当作逻辑值使用`,
  );
}

export function toText(ctx: EvalContext, v: Val): string | ErrVal {
  if (typeof v === 'string') return v;
  if (isBig(v)) return v.toFixed();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null) return '';
  if (v instanceof ErrVal) return v;
  return rangeAsScalar(ctx);
}

export function rangeAsScalar(ctx: EvalContext): ErrVal {
  return err(
    ctx,
    '#VALUE!',
    'a range can only be used inside SUM, COUNT, SUMIF… (not as a single value)',
    '区域只能用在 SUM、COUNT、SUMIF 等函数中，不能当作单个值',
  );
}

export function clip(s: string): string {
  return s.length > 30 ? s.slice(0, 30) + '…' : s;
}

/** Excel ordering for comparisons: numbers < text < booleans; text compares case-insensitively. */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : ZERO();
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : ZERO();
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (isBig(a) && isBig(b)) return a.cmp(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a === b ? 0 : a ? 1 : -1;
}

function rank(v: Scalar): number {
  return isBig(v) ? 0 : typeof v === 'string' ? 1 : 2;
}
