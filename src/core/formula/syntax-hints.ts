// Pieces of the formula tokenizer kept out of its main loop: number literals, and the look-aheads
// and messages that explain why a formula was refused.
import type { Bilingual } from '../diagnostics';
import { isDigit, isLetter } from './refs';
import type { ErrorCode } from './types';

const MAX_EXPONENT = 30;

/**
 * A number literal at `start` (digits, optional fraction, optional exponent up to ±30). A name right
 * after it (`5 cm`, `5cm`) is refused as a unit, since mathjs would read it as one.
 */
export function scanNumber(
  src: string,
  start: number,
): { text: string; end: number } | { code: ErrorCode; message: Bilingual } {
  let i = start;
  while (isDigit(src.charCodeAt(i))) i++;
  if (src.charCodeAt(i) === 46) for (i++; isDigit(src.charCodeAt(i));) i++;
  if ((src.charCodeAt(i) | 32) === 101) {
    let j = i + 1;
    if (src[j] === '+' || src[j] === '-') j++;
    const ds = j;
    while (isDigit(src.charCodeAt(j))) j++;
    if (j > ds) {
      if (j - ds > 3 || Math.abs(Number(src.slice(ds, j))) > MAX_EXPONENT) {
        const t = src.slice(start, j);
        return {
          code: '#NUM!',
          message: { en: `number ${t} is out of range`, zh: `数字 ${t} 超出范围` },
        };
      }
      i = j;
    }
  }
  let k = i;
  while (src.charCodeAt(k) === 32) k++;
  const next = src.charCodeAt(k);
  if (isLetter(next) || next === 95 || next > 0x2e7f) {
    const t = src.slice(start, Math.min(src.length, k + 8));
    return {
      code: '#ERROR!',
      message: {
        en: `units are not allowed ("${t}"); write plain numbers, the cell's unit applies`,
        zh: `公式中不允许使用单位（“${t}”）；请只写数字，按单元格的单位计算`,
      },
    };
  }
  const text = src.slice(start, i);
  return { text: text.startsWith('.') ? '0' + text : text, end: i };
}

/** `f(x)=…`: the parenthesis at `open` closes and is followed by a single `=`. */
export function definesFunction(src: string, open: number): boolean {
  const close = src.indexOf(')', open);
  if (close < 0) return false;
  let k = close + 1;
  while (src.charCodeAt(k) === 32) k++;
  return src.charCodeAt(k) === 61 && src.charCodeAt(k + 1) !== 61;
}

/** What a stray character most likely meant, in both languages. */
export function describeBadChar(src: string, i: number): [string, string] {
  const ch = src[i] ?? '';
  switch (ch) {
    case ';':
      return ['multiple expressions are not allowed (";")', '不允许多个表达式（“;”）'];
    case '[':
    case ']':
      return ['matrices are not allowed ("[")', '不允许使用矩阵（“[”）'];
    case '.':
      return ['property access is not allowed (".")', '不允许访问属性（“.”）'];
    case ':':
      return [
        '":" must join two cell references (F2:F9) or columns (G:G)',
        '“:”只能连接两个单元格（F2:F9）或两列（G:G）',
      ];
    case '?':
      return [
        '"?:" is not allowed; use IF(condition, then, else)',
        '不允许“?:”；请使用 IF(条件, 值1, 值2)',
      ];
    case '!':
      return [
        '"!" is not allowed (no sheet references or factorials)',
        '不允许“!”（不支持跨表引用或阶乘）',
      ];
    case "'":
      return ['"\'" is not allowed', "不允许“'”"];
    default:
      return [
        `unexpected character "${ch}" at position ${i + 2}`,
        `第 ${i + 2} 个字符“${ch}”无法识别`,
      ];
  }
}
