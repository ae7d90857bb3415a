import type { BigNumber } from 'mathjs';
import { parseDecimal, rescale } from '../money';
import type { Expr } from './compile';
import { compileCriterion, type Matcher } from './criteria';
import { evaluate, evaluateScalar, type BoundRef } from './evaluate';
import { ErrVal, type Stored } from './types';
import {
  big,
  checkNumber,
  compareScalars,
  err,
  fenToBig,
  isBig,
  RangeVal,
  toBool,
  toNumber,
  ZERO,
  type EvalContext,
  type Val,
} from './values';

type Fn = (args: Expr[], refs: readonly BoundRef[], ctx: EvalContext) => Val;

const ARITY: Readonly<Record<string, [number, number]>> = {
  SUM: [1, 255],
  AVERAGE: [1, 255],
  MIN: [1, 255],
  MAX: [1, 255],
  COUNT: [1, 255],
  AND: [1, 255],
  OR: [1, 255],
  NOT: [1, 1],
  ABS: [1, 1],
  ROUND: [1, 2],
  IF: [2, 3],
  IFERROR: [2, 2],
  COUNTIF: [2, 2],
  SUMIF: [2, 3],
  SUMIFS: [3, 255],
};

export function callFunction(
  name: string,
  args: Expr[],
  refs: readonly BoundRef[],
  ctx: EvalContext,
): Val {
  const arity = ARITY[name];
  const fn = FUNCTIONS[name];
  if (!arity || !fn) return err(ctx, '#NAME?', `unknown function ${name}`, `未知函数 ${name}`);
  if (args.length < arity[0] || args.length > arity[1])
    return err(
      ctx,
      '#VALUE!',
      `${name} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} arguments, got ${args.length}`,
      `${name} 需要 ${arity[0] === arity[1] ? arity[0] : `${arity[0]}～${arity[1]}`} 个参数，实际 ${args.length} 个`,
    );
  return fn(args, refs, ctx);
}

/** Visits a range's cells; whole-column ranges skip total rows so totals never count themselves. */
function eachCell(ctx: EvalContext, r: RangeVal, visit: (cell: Stored, k: number) => void): void {
  ctx.step(r.rows * r.cols);
  let k = 0;
  for (let row = r.r1; row <= r.r2; row++) {
    if (r.skipTotals && ctx.isTotalRow(row)) {
      k += r.cols;
      continue;
    }
    for (let col = r.c1; col <= r.c2; col++, k++)
      if (!r.skips(row, col)) visit(ctx.read(row, col), k);
  }
}

/** Exact running total: fen as bigint, plain numbers as BigNumber, combined once at the end. */
class Accumulator {
  fen = 0n;
  num: BigNumber = ZERO();
  count = 0;
  error: ErrVal | undefined;
  add(cell: Stored): void {
    if (typeof cell === 'bigint') {
      this.fen += cell;
      this.count++;
    } else if (isBig(cell)) {
      this.num = this.num.plus(cell);
      this.count++;
    } else if (cell instanceof ErrVal) this.error ??= cell;
  }
  total(exp: number): BigNumber {
    return this.fen === 0n ? this.num : fenToBig(this.fen, exp).plus(this.num);
  }
}

/** Feeds every argument to `acc`; scalars are coerced like Excel (text in a range is skipped, as an argument it is #VALUE!). */
function collect(
  args: Expr[],
  refs: readonly BoundRef[],
  ctx: EvalContext,
  acc: Accumulator,
): ErrVal | undefined {
  for (const a of args) {
    const v = evaluate(a, refs, ctx);
    if (v instanceof RangeVal) eachCell(ctx, v, (cell) => acc.add(cell));
    else {
      const n = toNumber(ctx, v);
      if (n instanceof ErrVal) return n;
      acc.add(n);
    }
    if (acc.error) return acc.error;
  }
  return undefined;
}

function extreme(sign: 1 | -1): Fn {
  return (args, refs, ctx) => {
    let best: BigNumber | undefined;
    let bestFen: bigint | undefined;
    const acc = new Accumulator();
    acc.add = (cell: Stored) => {
      if (typeof cell === 'bigint') {
        if (bestFen === undefined || (cell - bestFen > 0n ? 1 : -1) === sign) bestFen = cell;
      } else if (isBig(cell)) {
        if (best === undefined || cell.cmp(best) === sign) best = cell;
      } else if (cell instanceof ErrVal) acc.error ??= cell;
    };
    const e = collect(args, refs, ctx, acc);
    if (e) return e;
    const fromFen = bestFen === undefined ? undefined : fenToBig(bestFen, ctx.unitExp);
    if (best === undefined) return fromFen ?? ZERO();
    if (fromFen === undefined) return best;
    return fromFen.cmp(best) === sign ? fromFen : best;
  };
}

function logical(isAnd: boolean): Fn {
  return (args, refs, ctx) => {
    let seen = false;
    let result = isAnd;
    for (const a of args) {
      const v = evaluate(a, refs, ctx);
      if (v instanceof RangeVal) {
        let error: ErrVal | undefined;
        eachCell(ctx, v, (cell) => {
          if (cell instanceof ErrVal) error ??= cell;
          else if (typeof cell === 'boolean' || typeof cell === 'bigint' || isBig(cell)) {
            seen = true;
            const b =
              typeof cell === 'boolean'
                ? cell
                : typeof cell === 'bigint'
                  ? cell !== 0n
                  : !cell.isZero();
            result = isAnd ? result && b : result || b;
          }
        });
        if (error) return error;
      } else {
        const b = toBool(ctx, v);
        if (b instanceof ErrVal) return b;
        seen = true;
        result = isAnd ? result && b : result || b;
      }
    }
    return seen ? result : err(ctx, '#VALUE!', 'no logical values', '没有逻辑值');
  };
}

function rangeArg(
  expr: Expr | undefined,
  refs: readonly BoundRef[],
  ctx: EvalContext,
): RangeVal | ErrVal {
  const v = expr ? evaluate(expr, refs, ctx) : null;
  if (v instanceof RangeVal || v instanceof ErrVal) return v;
  return err(
    ctx,
    '#VALUE!',
    'a range such as C2:C99 or C:C is required here',
    '此处需要区域，例如 C2:C99 或 C:C',
  );
}

/** SUMIFS/SUMIF/COUNTIF core: every criteria range must have the shape of the first range. */
function conditional(
  ctx: EvalContext,
  target: RangeVal,
  pairs: { range: RangeVal; match: Matcher }[],
  onMatch: (cell: Stored) => void,
): ErrVal | undefined {
  for (const p of pairs)
    if (p.range.rows !== target.rows || p.range.cols !== target.cols)
      return err(
        ctx,
        '#VALUE!',
        'criteria ranges must have the same size as the sum range',
        '条件区域必须与求和区域大小相同',
      );
  ctx.step(target.rows * target.cols * (pairs.length + 1));
  for (let i = 0; i < target.rows; i++) {
    if (target.skipTotals && ctx.isTotalRow(target.r1 + i)) continue;
    for (let j = 0; j < target.cols; j++) {
      let ok = true;
      for (const p of pairs) {
        const row = p.range.r1 + i;
        const col = p.range.c1 + j;
        if (p.range.skipTotals && (ctx.isTotalRow(row) || p.range.skips(row, col))) ok = false;
        else if (!p.match(ctx.read(row, col))) ok = false;
        if (!ok) break;
      }
      if (ok && !target.skips(target.r1 + i, target.c1 + j))
        onMatch(ctx.read(target.r1 + i, target.c1 + j));
    }
  }
  return undefined;
}

function sumIfs(
  ctx: EvalContext,
  sum: RangeVal,
  pairs: { range: RangeVal; match: Matcher }[],
): Val {
  const acc = new Accumulator();
  const e = conditional(ctx, sum, pairs, (cell) => acc.add(cell));
  return e ?? acc.error ?? checkNumber(ctx, acc.total(ctx.unitExp));
}

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  SUM: (args, refs, ctx) => {
    const acc = new Accumulator();
    return collect(args, refs, ctx, acc) ?? checkNumber(ctx, acc.total(ctx.unitExp));
  },
  AVERAGE: (args, refs, ctx) => {
    const acc = new Accumulator();
    const e = collect(args, refs, ctx, acc);
    if (e) return e;
    if (acc.count === 0)
      return err(ctx, '#DIV/0!', 'AVERAGE of no numbers', 'AVERAGE 没有可计算的数字');
    return checkNumber(ctx, acc.total(ctx.unitExp).div(acc.count));
  },
  COUNT: (args, refs, ctx) => {
    let count = 0;
    for (const a of args) {
      const v = evaluate(a, refs, ctx);
      if (v instanceof RangeVal)
        eachCell(ctx, v, (cell) => {
          if (typeof cell === 'bigint' || isBig(cell)) count++;
        });
      else if (isBig(v)) count++;
    }
    return big(count);
  },
  MIN: extreme(-1),
  MAX: extreme(1),
  AND: logical(true),
  OR: logical(false),
  NOT: (args, refs, ctx) => {
    const b = toBool(ctx, evaluateScalar(args[0] as Expr, refs, ctx));
    return b instanceof ErrVal ? b : !b;
  },
  ABS: (args, refs, ctx) => {
    const n = toNumber(ctx, evaluateScalar(args[0] as Expr, refs, ctx));
    return n instanceof ErrVal ? n : n.abs();
  },
  ROUND: (args, refs, ctx) => {
    const n = toNumber(ctx, evaluateScalar(args[0] as Expr, refs, ctx));
    if (n instanceof ErrVal) return n;
    const p = args[1] ? toNumber(ctx, evaluateScalar(args[1], refs, ctx)) : ZERO();
    if (p instanceof ErrVal) return p;
    const places = p.toNumber() < 0 ? Math.ceil(p.toNumber()) : Math.floor(p.toNumber());
    if (!(Math.abs(places) <= 30))
      return err(
        ctx,
        '#NUM!',
        'ROUND places must be between -30 and 30',
        'ROUND 位数须在 -30 到 30 之间',
      );
    const dec = parseDecimal(n.toFixed());
    if (!dec) return err(ctx, '#NUM!', 'not a finite number', '不是有限数');
    const coef = rescale(dec, places, ctx.rounding);
    return places >= 0 ? big(`${coef}e-${places}`) : big(`${coef}e${-places}`);
  },
  IF: (args, refs, ctx) => {
    const c = toBool(ctx, evaluateScalar(args[0] as Expr, refs, ctx));
    if (c instanceof ErrVal) return c;
    const branch = c ? args[1] : args[2];
    return branch ? evaluateScalar(branch, refs, ctx) : false;
  },
  IFERROR: (args, refs, ctx) => {
    const v = evaluateScalar(args[0] as Expr, refs, ctx);
    return v instanceof ErrVal ? evaluateScalar(args[1] as Expr, refs, ctx) : v;
  },
  COUNTIF: (args, refs, ctx) => {
    const range = rangeArg(args[0], refs, ctx);
    if (range instanceof ErrVal) return range;
    const match = compileCriterion(evaluateScalar(args[1] as Expr, refs, ctx), ctx.unitExp);
    let count = 0;
    const e = conditional(ctx, range, [{ range, match }], () => count++);
    return e ?? big(count);
  },
  SUMIF: (args, refs, ctx) => {
    const range = rangeArg(args[0], refs, ctx);
    if (range instanceof ErrVal) return range;
    const match = compileCriterion(evaluateScalar(args[1] as Expr, refs, ctx), ctx.unitExp);
    const sum = args[2] ? rangeArg(args[2], refs, ctx) : range;
    if (sum instanceof ErrVal) return sum;
    return sumIfs(ctx, sum, [{ range, match }]);
  },
  SUMIFS: (args, refs, ctx) => {
    const sum = rangeArg(args[0], refs, ctx);
    if (sum instanceof ErrVal) return sum;
    if (args.length % 2 === 0)
      return err(
        ctx,
        '#VALUE!',
        'SUMIFS needs a sum range and then range/criterion pairs',
        'SUMIFS 需要求和区域，之后是成对的条件区域和条件',
      );
    const pairs: { range: RangeVal; match: Matcher }[] = [];
    for (let i = 1; i < args.length; i += 2) {
      const range = rangeArg(args[i], refs, ctx);
      if (range instanceof ErrVal) return range;
      pairs.push({
        range,
        match: compileCriterion(evaluateScalar(args[i + 1] as Expr, refs, ctx), ctx.unitExp),
      });
    }
    return sumIfs(ctx, sum, pairs);
  },
};

export { compareScalars };
