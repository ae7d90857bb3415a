import type { Bilingual } from '../diagnostics';
import { decimalToString, divRound } from './decimal';
import { pow10, UNIT_FEN_EXPONENT, type Fen, type Unit } from './units';

export type AmountErrorCode = 'FL-AMOUNT-NOT-NUMBER' | 'FL-AMOUNT-PRECISION';
export type ParseAmountResult =
  { ok: true; fen: Fen } | { ok: false; code: AmountErrorCode; message: Bilingual };

/** Longer cells are not amounts; the cap keeps the scanner's cost bounded on hostile input. */
const MAX_LENGTH = 64;

const notNumber = (text: string, en: string, zh: string): ParseAmountResult => ({
  ok: false,
  code: 'FL-AMOUNT-NOT-NUMBER',
  message: {
    en: `"${clip(text)}" is not an amount: ${en}`,
    zh: `“${clip(text)}”不是金额：${zh}`,
  },
});

function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/** ASCII or full-width digit value, or -1; full-width digits are the same numbers typed with a Chinese IME. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/**
 * Parses an amount cell exactly to fen. Hand-written scanner (no regex, no Number parsing of the
 * value) so 1M cells parse in well under a second and no digit is ever lost to floating point.
 * Accepted forms and every rejection are documented in docs/formulas.md ("Amounts").
 */
export function parseAmount(text: string, unit: Unit): ParseAmountResult {
  const n = text.length;
  if (n > MAX_LENGTH)
    return notNumber(text, `longer than ${MAX_LENGTH} characters`, `超过 ${MAX_LENGTH} 个字符`);
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i === n) return notNumber(text, 'the cell is empty', '单元格为空');

  let c = text.charCodeAt(i);
  // Accounting negatives (100) / （100）, as Excel and WPS display them.
  const paren = c === 40 || c === 0xff08;
  if (paren) i++;
  let negative = paren;
  c = text.charCodeAt(i);
  if (c === 45 || c === 0xff0d || c === 0x2212 || c === 43 || c === 0xff0b) {
    if (paren) return notNumber(text, 'a sign inside parentheses', '括号内不能再带正负号');
    negative = c !== 43 && c !== 0xff0b;
    i++;
    c = text.charCodeAt(i);
  }
  if (c === 0xa5 || c === 0xffe5) i++;

  // Digits accumulate in a Number in chunks of ≤15 (always exact), flushed into a bigint.
  let big = 0n;
  let chunk = 0;
  let chunkLen = 0;
  let intDigits = 0;
  let fracDigits = 0;
  let groupLen = 0;
  let grouped = false;
  let firstDigit = -1;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) {
      if (intDigits === 0) firstDigit = d;
      else if (firstDigit === 0)
        return notNumber(
          text,
          'a leading zero (write it without the 0)',
          '有前导零（请去掉开头的 0）',
        );
      intDigits++;
      groupLen++;
      chunk = chunk * 10 + d;
      if (++chunkLen === 15) {
        big = big * pow10(15) + BigInt(chunk);
        chunk = 0;
        chunkLen = 0;
      }
    } else if (c === 44 || c === 0xff0c) {
      // Thousands separators must sit every three digits, otherwise 1,5 could be a decimal comma.
      if (intDigits === 0 || (grouped ? groupLen !== 3 : groupLen > 3))
        return notNumber(text, 'misplaced thousands separator', '千位分隔符位置不对');
      grouped = true;
      groupLen = 0;
    } else break;
  }
  if (grouped && groupLen !== 3)
    return notNumber(text, 'misplaced thousands separator', '千位分隔符位置不对');
  if (i < n && (c === 46 || c === 0xff0e)) {
    for (i++; i < n; i++) {
      const d = digitValue(text.charCodeAt(i));
      if (d < 0) break;
      fracDigits++;
      chunk = chunk * 10 + d;
      if (++chunkLen === 15) {
        big = big * pow10(15) + BigInt(chunk);
        chunk = 0;
        chunkLen = 0;
      }
    }
  }
  if (intDigits + fracDigits === 0) return notNumber(text, 'no digits', '没有数字');
  if (chunkLen > 0) big = big * pow10(chunkLen) + BigInt(chunk);

  c = text.charCodeAt(i);
  if (c === 101 || c === 69)
    return notNumber(
      text,
      'scientific notation is not accepted; write the digits out',
      '不接受科学计数法，请写出完整数字',
    );
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  let cellUnit = unit;
  c = text.charCodeAt(i);
  if (c === 0x5143) {
    cellUnit = '元';
    i++;
  } else if (c === 0x4e07 || c === 0x4ebf) {
    cellUnit = c === 0x4e07 ? '万元' : '亿元';
    i++;
    if (text.charCodeAt(i) === 0x5143) i++;
  }
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (paren) {
    c = text.charCodeAt(i);
    if (c !== 41 && c !== 0xff09) return notNumber(text, 'unclosed parenthesis', '括号不成对');
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  }
  if (i < n)
    return notNumber(
      text,
      `unexpected "${text[i] ?? ''}" (allowed: digits, one decimal point, thousands separators, a sign and a unit 元/万/亿)`,
      `含有不允许的字符“${text[i] ?? ''}”（只允许数字、小数点、千位分隔符、正负号和单位 元/万/亿）`,
    );

  const exp = UNIT_FEN_EXPONENT[cellUnit];
  let fen: bigint;
  if (fracDigits <= exp) {
    fen = big * pow10(exp - fracDigits);
  } else {
    const drop = pow10(fracDigits - exp);
    if (big % drop !== 0n) return precisionError(text, negative ? -big : big, fracDigits - exp);
    fen = big / drop;
  }
  return { ok: true, fen: negative ? -fen : fen };
}

/** `value / 10^scale` fen is the exact amount; the message names it and the half-up rounding. */
function precisionError(text: string, value: bigint, scale: number): ParseAmountResult {
  const exact = decimalToString(value, scale + 2, 2);
  const rounded = decimalToString(divRound(value, pow10(scale), 'half-up'), 2, 2);
  return {
    ok: false,
    code: 'FL-AMOUNT-PRECISION',
    message: {
      en: `"${clip(text)}" is ${exact} 元, finer than 1 fen (0.01 元); amounts are never rounded silently — write ${rounded} (half-up) or the value you mean`,
      zh: `“${clip(text)}”即 ${exact} 元，精度超过 1 分（0.01 元）；金额不会被悄悄四舍五入——请写成 ${rounded}（四舍五入）或您要的数值`,
    },
  };
}
