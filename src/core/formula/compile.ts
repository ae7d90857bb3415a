import type { BigNumber, MathNode } from 'mathjs';
import type { Bilingual } from '../diagnostics';
import { FUNCTION_NAMES } from './function-names';
import { restrictedMath } from './mathjs-instance';
import type { Ref } from './refs';
import { translateFormula } from './translate';
import type { ErrorCode } from './types';

export type BinOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

/** The only tree our interpreter evaluates; built solely from whitelisted mathjs nodes. */
export type Expr =
  | { t: 'num'; v: BigNumber }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; i: number }
  | { t: 'neg'; a: Expr }
  | { t: 'bin'; op: BinOp; a: Expr; b: Expr }
  | { t: 'call'; fn: string; args: Expr[] };

export type Compiled =
  { ok: true; expr: Expr; refs: Ref[] } | { ok: false; code: ErrorCode; message: Bilingual };

const MAX_AST_DEPTH = 1000;

const OPS: Readonly<Record<string, BinOp>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  bitAnd: '&',
  equal: '=',
  unequal: '<>',
  smaller: '<',
  larger: '>',
  smallerEq: '<=',
  largerEq: '>=',
};

/** What each rejected node type means to a user, so the error says which construct was refused. */
const REJECTED: Readonly<Record<string, Bilingual>> = {
  AssignmentNode: { en: 'assignment is not allowed', zh: '不允许赋值' },
  FunctionAssignmentNode: { en: 'defining functions is not allowed', zh: '不允许定义函数' },
  AccessorNode: { en: 'property access is not allowed', zh: '不允许访问属性' },
  IndexNode: { en: 'property access is not allowed', zh: '不允许访问属性' },
  ObjectNode: { en: 'objects are not allowed', zh: '不允许使用对象' },
  ArrayNode: { en: 'matrices are not allowed', zh: '不允许使用矩阵' },
  BlockNode: { en: 'multiple expressions are not allowed', zh: '不允许多个表达式' },
  RangeNode: {
    en: 'ranges are only allowed between cell references',
    zh: '区域只能写在单元格引用之间',
  },
  ConditionalNode: { en: '"?:" is not allowed; use IF', zh: '不允许“?:”，请使用 IF' },
  RelationalNode: { en: 'chained comparisons are not allowed', zh: '不允许连续比较' },
};

class Rejected {
  constructor(
    readonly code: ErrorCode,
    readonly message: Bilingual,
  ) {}
}

/** Formula text (without the leading `=`) → whitelisted expression, or the error explaining why not. */
export function compileFormula(src: string): Compiled {
  const t = translateFormula(src);
  if (!t.ok) return t;
  // Formulas copied down a column translate to the same text (`_r0 * (2.5 / 100)`) with different
  // refs, so the parsed tree is shared: it is immutable and refers to refs only by index.
  const key =
    t.strings.length === 0 ? t.mathText : `${t.mathText}\u0000${JSON.stringify(t.strings)}`;
  let r = treeCache.get(key);
  if (!r) {
    r = compileMathText(t.mathText, t.strings);
    if (treeCache.size >= TREE_CACHE_LIMIT) treeCache.clear();
    treeCache.set(key, r);
  }
  return r.ok ? { ok: true, expr: r.expr, refs: t.refs } : r;
}

const TREE_CACHE_LIMIT = 10_000;
const treeCache = new Map<string, ReturnType<typeof compileMathText>>();

/**
 * mathjs text → Expr. Exported so tests can aim raw mathjs syntax (assignment, accessors, units…)
 * at the whitelist directly, proving it holds even if the tokenizer let something through.
 */
export function compileMathText(
  mathText: string,
  strings: readonly string[] = [],
): { ok: true; expr: Expr } | { ok: false; code: ErrorCode; message: Bilingual } {
  let node: MathNode;
  try {
    node = restrictedMath().parse(mathText);
  } catch (e) {
    const detail = e instanceof RangeError ? 'too deeply nested' : 'not understood';
    return {
      ok: false,
      code: '#ERROR!',
      message: { en: `syntax error: formula ${detail}`, zh: '公式语法错误' },
    };
  }
  const depthError = checkDepth(node);
  if (depthError) return depthError;
  try {
    return { ok: true, expr: convert(node, strings) };
  } catch (e) {
    if (e instanceof Rejected) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/** Iterative, so a hostile tree cannot overflow the stack before the recursive `convert` sees it. */
function checkDepth(
  root: MathNode,
): { ok: false; code: ErrorCode; message: Bilingual } | undefined {
  const stack: [MathNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [MathNode, number];
    if (depth > MAX_AST_DEPTH)
      return {
        ok: false,
        code: '#ERROR!',
        message: {
          en: `formula nested too deeply (over ${MAX_AST_DEPTH} levels); use SUM for long sums`,
          zh: `公式嵌套过深（超过 ${MAX_AST_DEPTH} 层）；长的求和请用 SUM`,
        },
      };
    node.forEach((child) => stack.push([child, depth + 1]));
  }
  return undefined;
}

function reject(code: ErrorCode, en: string, zh: string): never {
  throw new Rejected(code, { en, zh });
}

function convert(node: MathNode, strings: readonly string[]): Expr {
  switch (node.type) {
    case 'ConstantNode': {
      const value: unknown = (node as MathNode & { value: unknown }).value;
      if (typeof value === 'boolean') return { t: 'bool', v: value };
      if (isBig(value)) return { t: 'num', v: value };
      return reject('#ERROR!', 'this kind of constant is not allowed', '不允许这种常量');
    }
    case 'SymbolNode':
      return symbol((node as MathNode & { name: string }).name, strings);
    case 'ParenthesisNode':
      return convert((node as MathNode & { content: MathNode }).content, strings);
    case 'OperatorNode': {
      const op = node as MathNode & { fn: string; args: MathNode[]; implicit: boolean };
      if (op.implicit)
        reject(
          '#ERROR!',
          'implicit multiplication and units are not allowed',
          '不允许隐式乘法或单位',
        );
      const [a, b] = op.args;
      if (op.args.length === 1 && a) {
        if (op.fn === 'unaryMinus') return { t: 'neg', a: convert(a, strings) };
        if (op.fn === 'unaryPlus') return convert(a, strings);
      }
      const bin = Object.hasOwn(OPS, op.fn) ? OPS[op.fn] : undefined;
      if (bin && op.args.length === 2 && a && b)
        return { t: 'bin', op: bin, a: convert(a, strings), b: convert(b, strings) };
      return reject('#ERROR!', `operator "${op.fn}" is not allowed`, `不允许运算符“${op.fn}”`);
    }
    case 'FunctionNode': {
      const fnNode = node as MathNode & { fn: MathNode; args: MathNode[] };
      if (fnNode.fn.type !== 'SymbolNode') {
        const m = REJECTED[fnNode.fn.type] ?? REJECTED['AccessorNode'];
        return reject('#ERROR!', m?.en ?? '', m?.zh ?? '');
      }
      const name = (fnNode.fn as MathNode & { name: string }).name;
      if (!FUNCTION_NAMES.has(name))
        reject('#NAME?', `unknown function ${name}`, `未知函数 ${name}`);
      return { t: 'call', fn: name, args: fnNode.args.map((a) => convert(a, strings)) };
    }
    default: {
      const m = Object.hasOwn(REJECTED, node.type) ? REJECTED[node.type] : undefined;
      return reject(
        '#ERROR!',
        m?.en ?? `${node.type} is not allowed`,
        m?.zh ?? `不允许 ${node.type}`,
      );
    }
  }
}

function symbol(name: string, strings: readonly string[]): Expr {
  const m = /^_([rs])(\d{1,6})$/.exec(name);
  if (m) {
    const idx = Number(m[2]);
    if (m[1] === 'r') return { t: 'ref', i: idx };
    const s = strings[idx];
    if (s !== undefined) return { t: 'str', v: s };
  }
  return reject('#NAME?', `unknown name "${name}"`, `未知名称“${name}”`);
}

function isBig(v: unknown): v is BigNumber {
  return (
    typeof v === 'object' && v !== null && (v as { isBigNumber?: unknown }).isBigNumber === true
  );
}
