import type { BigNumber } from 'mathjs';
import type { Matcher } from './criteria';
import { ErrVal, type Stored } from './types';
import { fenToBig, isBig, RangeVal, type EvalContext } from './values';

/** Rows per cache block (256): an edit rescans one block instead of the whole column (≈√100k). */
export const BLOCK_SHIFT = 8;

/** Exact running total: fen as bigint, plain numbers as BigNumber, combined once at the end. */
export class Accumulator {
  private bigFen = 0n;
  /** Fen of ordinary size summed as an exact integer double: no bigint allocation per cell. */
  private smallFen = 0;
  num: BigNumber | undefined;
  count = 0;
  /** Cells added, numeric or not (COUNTIF counts text matches too). */
  matched = 0;
  error: ErrVal | undefined;
  add(cell: Stored): void {
    this.matched++;
    if (typeof cell === 'bigint') {
      if (cell <= SMALL && cell >= -SMALL) {
        this.smallFen += Number(cell);
        if (this.smallFen > FLUSH || this.smallFen < -FLUSH) this.flush();
      } else this.bigFen += cell;
      this.count++;
    } else if (isBig(cell)) {
      this.num = this.num ? this.num.plus(cell) : cell;
      this.count++;
    } else if (cell instanceof ErrVal) this.error ??= cell;
  }
  get fen(): bigint {
    return this.bigFen + BigInt(this.smallFen);
  }
  private flush(): void {
    this.bigFen += BigInt(this.smallFen);
    this.smallFen = 0;
  }
  merge(o: Accumulator, sign: 1 | -1 = 1): void {
    this.bigFen += sign === 1 ? o.bigFen : -o.bigFen;
    this.smallFen += sign * o.smallFen;
    if (this.smallFen > FLUSH || this.smallFen < -FLUSH) this.flush();
    if (o.num) {
      const n = sign === 1 ? o.num : o.num.neg();
      this.num = this.num ? this.num.plus(n) : n;
    }
    this.count += sign * o.count;
    this.matched += sign * o.matched;
    if (sign === 1) this.error ??= o.error;
  }
  clone(): Accumulator {
    const c = new Accumulator();
    c.merge(this);
    return c;
  }
  total(exp: number): BigNumber {
    const fen = this.fen;
    if (!this.num) return fenToBig(fen, exp);
    return fen === 0n ? this.num : fenToBig(fen, exp).plus(this.num);
  }
}

// |cell| ≤ 2^40 fen and a running sum flushed past 2^51 keep every double sum an exact integer.
const SMALL = 2n ** 40n;
const FLUSH = 2 ** 51;

/** Per-formula cache of block partial sums for one aggregate argument. */
export interface BlockCache {
  key: string;
  stamp: number;
  parts: (Accumulator | undefined)[];
  /** Sum of all parts without their errors, kept current by delta (old part out, new part in). */
  sum: Accumulator;
  /** Parts holding an error; errors cannot be subtracted, so the first one is looked up. */
  errors: number;
}

/** Visits a range's cells; whole-column ranges skip total rows and the formula's own cell. */
export function eachCell(ctx: EvalContext, r: RangeVal, visit: (cell: Stored) => void): void {
  scanRows(ctx, r, r.r1, r.r2, visit);
}

function scanRows(
  ctx: EvalContext,
  r: RangeVal,
  from: number,
  to: number,
  visit: (cell: Stored) => void,
): void {
  ctx.step((to - from + 1) * r.cols);
  for (let row = from; row <= to; row++) {
    if (r.skipTotals && ctx.isTotalRow(row)) continue;
    for (let col = r.c1; col <= r.c2; col++) if (!r.skips(row, col)) visit(ctx.read(row, col));
  }
}

/**
 * Sums rows [r1, r2] block by block. Each block's partial is cached with the clock of its last
 * scan; a block is rescanned only when a cell in one of `cols` changed in it since, and the cached
 * sum is updated by difference, so a total over 100k rows costs one 256-row scan per edit.
 * Small ranges are simply scanned. The result must not be modified by the caller.
 */
function blocked(
  ctx: EvalContext,
  node: object,
  slot: number,
  key: string,
  r1: number,
  r2: number,
  cols: readonly number[],
  /** The scan skips total rows, so changes to their values do not dirty a block. */
  skipTotals: boolean,
  scan: (from: number, to: number, acc: Accumulator) => void,
): Accumulator {
  if (r2 - r1 < 2 << BLOCK_SHIFT) {
    const total = new Accumulator();
    scan(r1, r2, total);
    return total;
  }
  let cache = ctx.cache(node, slot);
  if (!cache || cache.key !== key)
    cache = { key, stamp: -1, parts: [], sum: new Accumulator(), errors: 0 };
  const first = r1 >> BLOCK_SHIFT;
  const last = r2 >> BLOCK_SHIFT;
  const c = cache;
  const refresh = (b: number): void => {
    const old = c.parts[b];
    const part = new Accumulator();
    scan(Math.max(r1, b << BLOCK_SHIFT), Math.min(r2, ((b + 1) << BLOCK_SHIFT) - 1), part);
    if (old) {
      c.sum.merge(old, -1);
      if (old.error) c.errors--;
    }
    c.sum.merge(part);
    c.sum.error = undefined;
    if (part.error) c.errors++;
    c.parts[b] = part;
  };
  const dirty =
    c.stamp < 0 ? undefined : changedBlocks(ctx, cols, c.stamp, first, last, skipTotals);
  if (dirty) for (const b of dirty) refresh(b);
  else {
    ctx.step(last - first + 1);
    for (let b = first; b <= last; b++)
      if (!c.parts[b] || changedSince(ctx, cols, b, c.stamp, skipTotals)) refresh(b);
  }
  cache.stamp = ctx.clock();
  ctx.setCache(node, slot, cache);
  if (cache.errors === 0) return cache.sum;
  const withError = cache.sum.clone();
  for (let b = first; b <= last && !withError.error; b++) withError.error = cache.parts[b]?.error;
  return withError;
}

/** The changed blocks within [first, last] from the change log, or undefined to check them all. */
function changedBlocks(
  ctx: EvalContext,
  cols: readonly number[],
  since: number,
  first: number,
  last: number,
  skipTotals: boolean,
): Set<number> | undefined {
  const out = new Set<number>();
  for (const col of cols) {
    const list = ctx.changedBlocks(col, since, skipTotals);
    if (!list) return undefined;
    ctx.step(list.length);
    for (const b of list) if (b >= first && b <= last) out.add(b);
  }
  return out;
}

function changedSince(
  ctx: EvalContext,
  cols: readonly number[],
  block: number,
  stamp: number,
  skipTotals: boolean,
): boolean {
  for (const c of cols) if (ctx.blockStamp(c, block, skipTotals) > stamp) return true;
  return false;
}

const colsOf = (r: RangeVal): number[] => Array.from({ length: r.cols }, (_, i) => r.c1 + i);

/** All numeric cells of a range, through the block cache. */
export function accumulateRange(
  ctx: EvalContext,
  node: object,
  slot: number,
  r: RangeVal,
): Accumulator {
  return blocked(
    ctx,
    node,
    slot,
    `${r.r1}:${r.r2}:${r.c1}:${r.c2}`,
    r.r1,
    r.r2,
    colsOf(r),
    r.skipTotals,
    (from, to, acc) => scanRows(ctx, r, from, to, (cell) => acc.add(cell)),
  );
}

export interface Condition {
  range: RangeVal;
  match: Matcher;
  /** Identifies the criterion in the cache key: a changed criterion invalidates the cache. */
  key: string;
}

/** SUMIF/SUMIFS/COUNTIF: `target` cells whose row satisfies every condition, row-aligned. */
export function accumulateIf(
  ctx: EvalContext,
  node: object,
  target: RangeVal,
  conds: Condition[],
): Accumulator | ErrVal {
  for (const p of conds)
    if (p.range.rows !== target.rows || p.range.cols !== target.cols)
      return new ErrVal(
        '#VALUE!',
        {
          en: 'criteria ranges must have the same size as the sum range',
          zh: '条件区域必须与求和区域大小相同',
        },
        ctx.self,
      );
  const scan = (from: number, to: number, acc: Accumulator): void => {
    ctx.step((to - from + 1) * target.cols * (conds.length + 1));
    for (let i = from - target.r1; i <= to - target.r1; i++) {
      if (target.skipTotals && ctx.isTotalRow(target.r1 + i)) continue;
      for (let j = 0; j < target.cols; j++) {
        let ok = true;
        for (const p of conds) {
          const row = p.range.r1 + i;
          const col = p.range.c1 + j;
          if (
            (p.range.skipTotals && (ctx.isTotalRow(row) || p.range.skips(row, col))) ||
            !p.match(ctx.read(row, col))
          ) {
            ok = false;
            break;
          }
        }
        if (ok && !target.skips(target.r1 + i, target.c1 + j))
          acc.add(ctx.read(target.r1 + i, target.c1 + j));
      }
    }
  };
  // Block reuse needs every range on the same rows; otherwise scan everything.
  if (conds.some((p) => p.range.r1 !== target.r1)) {
    const acc = new Accumulator();
    scan(target.r1, target.r2, acc);
    return acc;
  }
  const cols = [...colsOf(target), ...conds.flatMap((p) => colsOf(p.range))];
  const key = `${target.r1}:${target.r2}:${cols.join(',')}|${conds.map((p) => p.key).join('|')}`;
  // A row the target skips is skipped whatever the conditions say.
  return blocked(ctx, node, 0, key, target.r1, target.r2, cols, target.skipTotals, scan);
}
