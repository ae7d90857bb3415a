import type { BigNumber } from 'mathjs';
import { parseDecimal, rescale } from '../money';
import type { Expr } from './compile';
import { accumulateIf, accumulateRange, Accumulator, eachCell, type Condition } from './aggregates';
import { compileCriterion } from './criteria';
import { evaluate, evaluateScalar, type BoundRef } from './evaluate';
import { ErrVal, type Stored } from './types';
import {
  big,
  checkNumber,
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

type Fn = (args: Expr[], refs: readonly BoundRef[], ctx: EvalContext, node: Expr) => Val;

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
  node: Expr,
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
  return fn(args, refs, ctx, node);
}

/** Feeds every argument to `acc` (ranges through the block cache); text in a range is skipped, as an argument it is #VALUE!. */
function collect(
  node: Expr,
  args: Expr[],
  refs: readonly BoundRef[],
  ctx: EvalContext,
  acc: Accumulator,
): ErrVal | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = evaluate(args[i] as Expr, refs, ctx);
    if (v instanceof RangeVal) acc.merge(accumulateRange(ctx, node, i, v));
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
    let error: ErrVal | undefined;
    const consider = (cell: Stored): void => {
      if (typeof cell === 'bigint') {
        if (bestFen === undefined || (cell > bestFen ? 1 : -1) === sign) bestFen = cell;
      } else if (isBig(cell)) {
        if (best === undefined || cell.cmp(best) === sign) best = cell;
      } else if (cell instanceof ErrVal) error ??= cell;
    };
    for (const a of args) {
      const v = evaluate(a, refs, ctx);
      if (v instanceof RangeVal) eachCell(ctx, v, consider);
      else {
        const n = toNumber(ctx, v);
        if (n instanceof ErrVal) return n;
        consider(n);
      }
      if (error) return error;
    }
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

/** A criterion argument compiled, with a key that changes whenever the criterion does. */
function condition(
  range: RangeVal,
  crit: Expr | undefined,
  refs: readonly BoundRef[],
  ctx: EvalContext,
): Condition {
  const v = crit ? evaluateScalar(crit, refs, ctx) : null;
  const key =
    v instanceof ErrVal ? 'error' : isBig(v) ? `n${v.toFixed()}` : `${typeof v}:${String(v)}`;
  return { range, match: compileCriterion(v, ctx.unitExp), key };
}

function result(ctx: EvalContext, acc: Accumulator | ErrVal): Val {
  if (acc instanceof ErrVal) return acc;
  return acc.error ?? checkNumber(ctx, acc.total(ctx.unitExp));
}

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  SUM: (args, refs, ctx, node) => {
    const acc = new Accumulator();
    return collect(node, args, refs, ctx, acc) ?? checkNumber(ctx, acc.total(ctx.unitExp));
  },
  AVERAGE: (args, refs, ctx, node) => {
    const acc = new Accumulator();
    const e = collect(node, args, refs, ctx, acc);
    if (e) return e;
    if (acc.count === 0)
      return err(ctx, '#DIV/0!', 'AVERAGE of no numbers', 'AVERAGE 没有可计算的数字');
    return checkNumber(ctx, acc.total(ctx.unitExp).div(acc.count));
  },
  COUNT: (args, refs, ctx, node) => {
    let count = 0;
    for (let i = 0; i < args.length; i++) {
      const v = evaluate(args[i] as Expr, refs, ctx);
      if (v instanceof RangeVal) count += accumulateRange(ctx, node, i, v).count;
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
  COUNTIF: (args, refs, ctx, node) => {
    const range = rangeArg(args[0], refs, ctx);
    if (range instanceof ErrVal) return range;
    const acc = accumulateIf(ctx, node, range, [condition(range, args[1], refs, ctx)]);
    return acc instanceof ErrVal ? acc : big(acc.matched);
  },
  SUMIF: (args, refs, ctx, node) => {
    const range = rangeArg(args[0], refs, ctx);
    if (range instanceof ErrVal) return range;
    const cond = condition(range, args[1], refs, ctx);
    const sum = args[2] ? rangeArg(args[2], refs, ctx) : range;
    if (sum instanceof ErrVal) return sum;
    return result(ctx, accumulateIf(ctx, node, sum, [cond]));
  },
  SUMIFS: (args, refs, ctx, node) => {
    const sum = rangeArg(args[0], refs, ctx);
    if (sum instanceof ErrVal) return sum;
    if (args.length % 2 === 0)
      return err(
        ctx,
        '#VALUE!',
        'SUMIFS needs a sum range and then range/criterion pairs',
        'SUMIFS 需要求和区域，之后是成对的条件区域和条件',
      );
    const conds: Condition[] = [];
    for (let i = 1; i < args.length; i += 2) {
      const range = rangeArg(args[i], refs, ctx);
      if (range instanceof ErrVal) return range;
      conds.push(condition(range, args[i + 1], refs, ctx));
    }
    return result(ctx, accumulateIf(ctx, node, sum, conds));
  },
};
