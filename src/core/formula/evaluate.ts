import type { BigNumber } from 'mathjs';
import type { Expr } from './compile';
import { callFunction } from './functions';
import { ErrVal, type Stored } from './types';
import {
  checkNumber,
  compareScalars,
  err,
  isBig,
  rangeAsScalar,
  RangeVal,
  toNumber,
  toScalar,
  toText,
  type EvalContext,
  type Scalar,
  type Val,
} from './values';

/** A reference after binding to the current sheet. */
export type BoundRef =
  | { kind: 'cell'; row: number; col: number }
  | { kind: 'range'; range: RangeVal }
  | { kind: 'error'; error: ErrVal };

/** Evaluates a whitelisted expression; depth is bounded by the compiler, so recursion is safe. */
export function evaluate(expr: Expr, refs: readonly BoundRef[], ctx: EvalContext): Val {
  ctx.step(1);
  switch (expr.t) {
    case 'num':
      return expr.v;
    case 'str':
      return expr.v;
    case 'bool':
      return expr.v;
    case 'ref': {
      const ref = refs[expr.i];
      if (!ref) return err(ctx, '#REF!', 'invalid reference', '无效引用');
      if (ref.kind === 'error') return ref.error;
      if (ref.kind === 'range') return ref.range;
      ctx.step(1);
      return toScalar(ctx.read(ref.row, ref.col), ctx.unitExp);
    }
    case 'neg': {
      const a = toNumber(ctx, evaluate(expr.a, refs, ctx));
      return a instanceof ErrVal ? a : a.neg();
    }
    case 'bin':
      return binary(expr.op, evaluate(expr.a, refs, ctx), evaluate(expr.b, refs, ctx), ctx);
    case 'call':
      return callFunction(expr, expr.fn, expr.args, refs, ctx);
  }
}

/** Evaluates to a single value: a bare range where one value is expected is #VALUE!. */
export function evaluateScalar(expr: Expr, refs: readonly BoundRef[], ctx: EvalContext): Scalar {
  const v = evaluate(expr, refs, ctx);
  return v instanceof RangeVal ? rangeAsScalar(ctx) : v;
}

function binary(op: string, av: Val, bv: Val, ctx: EvalContext): Val {
  if (av instanceof ErrVal) return av;
  if (bv instanceof ErrVal) return bv;
  if (av instanceof RangeVal || bv instanceof RangeVal) return rangeAsScalar(ctx);
  switch (op) {
    case '&': {
      const a = toText(ctx, av);
      if (a instanceof ErrVal) return a;
      const b = toText(ctx, bv);
      if (b instanceof ErrVal) return b;
      if (a.length + b.length > 32767)
        return err(ctx, '#VALUE!', 'text longer than 32,767 characters', '文本超过 32767 个字符');
      return a + b;
    }
    case '=':
      return compareScalars(av, bv) === 0;
    case '<>':
      return compareScalars(av, bv) !== 0;
    case '<':
      return compareScalars(av, bv) < 0;
    case '>':
      return compareScalars(av, bv) > 0;
    case '<=':
      return compareScalars(av, bv) <= 0;
    case '>=':
      return compareScalars(av, bv) >= 0;
  }
  const a = toNumber(ctx, av);
  if (a instanceof ErrVal) return a;
  const b = toNumber(ctx, bv);
  if (b instanceof ErrVal) return b;
  const r = arithmetic(op, a, b, ctx);
  return r instanceof ErrVal ? r : checkNumber(ctx, r);
}

function arithmetic(op: string, a: BigNumber, b: BigNumber, ctx: EvalContext): BigNumber | ErrVal {
  switch (op) {
    case '+':
      return a.plus(b);
    case '-':
      return a.minus(b);
    case '*':
      return a.times(b);
    case '/':
      if (b.isZero()) return err(ctx, '#DIV/0!', 'division by zero', '除数为零');
      return a.div(b);
    default: {
      if (a.isZero() && b.isNegative())
        return err(ctx, '#DIV/0!', 'zero to a negative power', '零的负数次幂');
      // Huge exponents are refused before decimal.js spends time on them.
      if (b.abs().gt(1000)) return err(ctx, '#NUM!', 'exponent too large', '指数过大');
      if (a.isNegative() && !b.isInteger())
        return err(ctx, '#NUM!', 'fractional power of a negative number', '负数的非整数次幂');
      return a.pow(b);
    }
  }
}

/** Reads a cell as the engine stores it; used by range functions that sum fen exactly. */
export function readStored(ctx: EvalContext, row: number, col: number): Stored {
  ctx.step(1);
  return ctx.read(row, col);
}

export { isBig };
