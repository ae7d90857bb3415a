import type { Bilingual } from '../diagnostics';
import { FUNCTION_NAMES } from './function-names';
import { definesFunction, describeBadChar, scanNumber } from './syntax-hints';
import { isDigit, isLetter, parseCellText, parseColumnText, type Ref } from './refs';
import type { ErrorCode } from './types';

export const MAX_FORMULA_LENGTH = 10_000;
const MAX_PAREN_DEPTH = 64;
const MAX_UNARY_RUN = 16;
const MAX_POWERS = 32;

export type Translation =
  | { ok: true; mathText: string; refs: Ref[]; strings: string[] }
  | { ok: false; code: ErrorCode; message: Bilingual };

const fail = (code: ErrorCode, en: string, zh: string): Translation => ({
  ok: false,
  code,
  message: { en, zh },
});
const syntax = (en: string, zh: string) => fail('#ERROR!', en, zh);

interface Paren {
  call: boolean;
  outStart: number;
}

/**
 * Turns spreadsheet syntax (after the leading `=`) into mathjs syntax that can only mean what we
 * allow: references and strings become synthetic symbols `_rN`/`_sN`, `=` becomes `==`, `<>` `!=`,
 * `x%` `(x/100)`. Limits on length, nesting and operator runs are checked here, before mathjs's
 * recursive parser could overflow the stack. A flat loop: hostile input cannot recurse.
 */
export function translateFormula(src: string): Translation {
  if (src.length > MAX_FORMULA_LENGTH)
    return syntax(
      `formula is ${src.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`,
      `公式长 ${src.length} 个字符，超过上限 ${MAX_FORMULA_LENGTH}`,
    );
  const out: string[] = [];
  const refs: Ref[] = [];
  const strings: string[] = [];
  const parens: Paren[] = [];
  let expectOperand = true;
  let primaryStart = -1;
  let unaryRun = 0;
  let powers = 0;
  let justOpenedCall = false;
  const n = src.length;
  let i = 0;

  const operand = (text: string): Translation | undefined => {
    if (!expectOperand) return syntax(`missing operator before "${text}"`, `“${text}”前缺少运算符`);
    primaryStart = out.length;
    out.push(text);
    expectOperand = false;
    unaryRun = 0;
    return undefined;
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000) {
      i++;
      continue;
    }
    const wasCallOpen = justOpenedCall;
    justOpenedCall = false;
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      const num = scanNumber(src, i);
      if ('code' in num) return { ok: false, ...num };
      i = num.end;
      const e = operand(num.text);
      if (e) return e;
      continue;
    }
    if (c === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = src.indexOf('"', j);
        if (q < 0) return syntax('unclosed string: a " is missing', '字符串缺少结尾的引号 "');
        value += src.slice(j, q);
        if (src.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const e = operand(`_s${strings.length}`);
      if (e) return e;
      strings.push(value);
      continue;
    }
    if (c === 123) {
      const close = src.indexOf('}', i + 1);
      if (close < 0) return syntax('unclosed row reference: a } is missing', '行引用缺少 }');
      const body = src.slice(i + 1, close);
      if (body.includes('{')) return syntax('row references cannot be nested', '行引用不能嵌套');
      const colon = body.indexOf(':');
      const id = (colon < 0 ? body : body.slice(0, colon)).trim();
      const column = colon < 0 ? undefined : body.slice(colon + 1).trim();
      if (column === '') return syntax(`column name missing in {${body}}`, `{${body}} 缺少列名`);
      const e = operand(`_r${refs.length}`);
      if (e) return e;
      refs.push({ kind: 'id', id, column });
      i = close + 1;
      continue;
    }
    if (isLetter(c) || c === 36 || c === 95) {
      const start = i;
      while (i < n && isWordChar(src.charCodeAt(i))) i++;
      const word = src.slice(start, i);
      if (src.charCodeAt(i) === 46 || src.charCodeAt(i) === 91)
        return syntax(
          `property access is not allowed ("${word}${src[i] ?? ''}")`,
          `不允许访问属性（“${word}${src[i] ?? ''}”）`,
        );
      let k = i;
      while (src.charCodeAt(k) === 32) k++;
      const upper = word.toUpperCase();
      if (src.charCodeAt(k) === 40) {
        if (!FUNCTION_NAMES.has(upper)) {
          if (definesFunction(src, k))
            return syntax(
              `defining functions is not allowed ("${word}(…)=")`,
              `不允许定义函数（“${word}(…)=”）`,
            );
          return fail(
            '#NAME?',
            `unknown function ${word}; available: ${[...FUNCTION_NAMES].join(', ')}`,
            `未知函数 ${word}；可用函数：${[...FUNCTION_NAMES].join('、')}`,
          );
        }
        if (!expectOperand)
          return syntax(`missing operator before ${word}`, `${word} 前缺少运算符`);
        if (parens.length >= MAX_PAREN_DEPTH) return tooDeep();
        parens.push({ call: true, outStart: out.length });
        out.push(upper, '(');
        justOpenedCall = true;
        unaryRun = 0;
        i = k + 1;
        continue;
      }
      const cell = parseCellText(word);
      if (src.charCodeAt(k) === 58) {
        let j = k + 1;
        while (src.charCodeAt(j) === 32) j++;
        const s2 = j;
        while (j < n && isWordChar(src.charCodeAt(j))) j++;
        const word2 = src.slice(s2, j);
        const cell2 = parseCellText(word2);
        const col1 = parseColumnText(word);
        const col2 = parseColumnText(word2);
        let ref: Ref;
        if (cell && cell2)
          ref = {
            kind: 'range',
            r1: Math.min(cell.row, cell2.row),
            c1: Math.min(cell.col, cell2.col),
            r2: Math.max(cell.row, cell2.row),
            c2: Math.max(cell.col, cell2.col),
          };
        else if (col1 !== undefined && col2 !== undefined)
          ref = { kind: 'columns', c1: Math.min(col1, col2), c2: Math.max(col1, col2) };
        else
          return syntax(
            `"${word}:${word2}" is not a range (write F2:F9 or G:G)`,
            `“${word}:${word2}”不是区域（应写成 F2:F9 或 G:G）`,
          );
        const e = operand(`_r${refs.length}`);
        if (e) return e;
        refs.push(ref);
        i = j;
        continue;
      }
      if (cell) {
        const e = operand(`_r${refs.length}`);
        if (e) return e;
        refs.push({ kind: 'cell', row: cell.row, col: cell.col });
        continue;
      }
      if (upper === 'TRUE' || upper === 'FALSE') {
        const e = operand(upper === 'TRUE' ? 'true' : 'false');
        if (e) return e;
        continue;
      }
      if (src.charCodeAt(k) === 61 && src.charCodeAt(k + 1) !== 61)
        return syntax(`assignment is not allowed ("${word} =")`, `不允许赋值（“${word} =”）`);
      return fail(
        '#NAME?',
        `unknown name "${word}" (use cell references like F2, ranges F2:F9, or {row id})`,
        `未知名称“${word}”（请使用 F2 这样的单元格、F2:F9 这样的区域或 {行编号}）`,
      );
    }
    if (src.startsWith('#REF!', i))
      return fail('#REF!', 'the formula refers to a deleted row', '公式引用了已删除的行');
    // Operators and punctuation.
    const two = src.slice(i, i + 2);
    if (c === 40) {
      if (!expectOperand) return syntax('missing operator before "("', '“(”前缺少运算符');
      if (parens.length >= MAX_PAREN_DEPTH) return tooDeep();
      parens.push({ call: false, outStart: out.length });
      out.push('(');
      unaryRun = 0;
      i++;
      continue;
    }
    if (c === 41) {
      const p = parens.pop();
      if (!p) return syntax('unmatched ")"', '多余的“)”');
      if (expectOperand && !(p.call && wasCallOpen))
        return syntax('a value is missing before ")"', '“)”前缺少数值');
      out.push(')');
      primaryStart = p.outStart;
      expectOperand = false;
      i++;
      continue;
    }
    if (c === 44) {
      const p = parens[parens.length - 1];
      if (!p || !p.call) return syntax('"," outside a function call', '“,”只能用在函数参数之间');
      if (expectOperand) return syntax('an argument is missing before ","', '“,”前缺少参数');
      out.push(',');
      expectOperand = true;
      i++;
      continue;
    }
    if (c === 37) {
      if (expectOperand || primaryStart < 0)
        return syntax('"%" must follow a value', '“%”必须跟在数值后面');
      out.splice(primaryStart, 0, '(');
      out.push('/100)');
      i++;
      continue;
    }
    let op: string | undefined;
    let len = 1;
    if (two === '<>') [op, len] = ['!=', 2];
    else if (two === '<=' || two === '>=') [op, len] = [two, 2];
    else if (c === 61) op = '==';
    else if (c === 60 || c === 62 || c === 42 || c === 47 || c === 38) op = src[i];
    else if (c === 94) {
      if (++powers > MAX_POWERS) return syntax('too many "^" operators', '“^”运算符过多');
      op = '^';
    } else if (c === 43 || c === 45) {
      if (expectOperand) {
        if (++unaryRun > MAX_UNARY_RUN)
          return syntax('too many signs in a row', '连续的正负号过多');
        out.push(src[i] === '-' ? '-' : '+');
        i++;
        continue;
      }
      op = src[i];
    }
    if (op === undefined) return syntax(...describeBadChar(src, i));
    if (expectOperand)
      return syntax(`operator "${op}" needs a value before it`, `运算符“${op}”前缺少数值`);
    out.push(op);
    expectOperand = true;
    unaryRun = 0;
    i += len;
  }
  if (parens.length > 0) return syntax('a ")" is missing', '缺少“)”');
  if (expectOperand)
    return syntax(
      out.length === 0 ? 'empty formula' : 'formula ends with an operator',
      out.length === 0 ? '公式为空' : '公式以运算符结尾',
    );
  return { ok: true, mathText: out.join(' '), refs, strings };
}

function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 36 || c === 95;
}

function tooDeep(): Translation {
  return syntax(
    `formula nested too deeply (more than ${MAX_PAREN_DEPTH} parentheses)`,
    `公式嵌套过深（括号超过 ${MAX_PAREN_DEPTH} 层）`,
  );
}
