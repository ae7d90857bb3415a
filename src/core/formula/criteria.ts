import type { BigNumber } from 'mathjs';
import { parseDecimal, pow10, type Decimal } from '../money';
import { ErrVal, type Stored } from './types';
import { big, compareScalars, isBig, type Scalar } from './values';

/** A compiled SUMIF/COUNTIF criterion, tested against stored cells without converting each one. */
export type Matcher = (cell: Stored) => boolean;

type Cmp = '=' | '<>' | '<' | '>' | '<=' | '>=';

/**
 * Excel criteria: a number or boolean matches equal cells; text may start with = <> < > <= >=;
 * text comparisons ignore case and support * ? and ~ escapes. `unitExp` is the formula cell's unit,
 * in which numeric criteria are read (as every referenced amount is).
 */
export function compileCriterion(crit: Scalar, unitExp: number): Matcher {
  if (crit instanceof ErrVal) return () => false;
  if (crit === null) crit = '';
  if (typeof crit === 'boolean') return (cell) => cell === crit;
  if (isBig(crit)) return numeric('=', crit, unitExp);
  let op: Cmp = '=';
  let rest = crit;
  for (const p of ['<=', '>=', '<>', '<', '>', '='] as const) {
    if (crit.startsWith(p)) {
      op = p;
      rest = crit.slice(p.length);
      break;
    }
  }
  const dec = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(rest) ? parseDecimal(rest.trim()) : undefined;
  if (dec) return numericDec(op, dec, rest.trim(), unitExp);
  if (rest === '') {
    if (op === '=') return (cell) => cell === null || cell === '';
    if (op === '<>') return (cell) => cell !== null && cell !== '';
  }
  if ((op === '=' || op === '<>') && /[*?~]/.test(rest)) {
    const glob = compileGlob(rest.toLowerCase());
    return (cell) => (typeof cell === 'string' && glob(cell.toLowerCase())) === (op === '=');
  }
  const text = rest;
  const lower = rest.toLowerCase();
  // Exact and length checks first: most cells decide without allocating a lower-cased copy.
  const caseless = lower === text && text.toUpperCase() === text;
  const equal = caseless
    ? (cell: string): boolean => cell === text
    : (cell: string): boolean =>
        cell === text || (cell.length === text.length && cell.toLowerCase() === lower);
  if (op === '=') return (cell) => typeof cell === 'string' && equal(cell);
  if (op === '<>') return (cell) => !(typeof cell === 'string' && equal(cell));
  return (cell) => typeof cell === 'string' && test(op, compareScalars(cell, text));
}

function numeric(op: Cmp, v: BigNumber, unitExp: number): Matcher {
  const text = v.toFixed();
  const dec = parseDecimal(text);
  return dec ? numericDec(op, dec, text, unitExp) : () => false;
}

/** fen/10^exp vs coef/10^scale compared as integers: exact, and no BigNumber per cell. */
function numericDec(op: Cmp, dec: Decimal, text: string, unitExp: number): Matcher {
  const critScaled = dec.coef * pow10(unitExp);
  const fenScale = pow10(dec.scale);
  let critBig: BigNumber | undefined;
  return (cell) => {
    if (typeof cell === 'bigint') {
      const a = cell * fenScale;
      return test(op, a < critScaled ? -1 : a > critScaled ? 1 : 0);
    }
    if (isBig(cell)) {
      critBig ??= big(text);
      return test(op, cell.cmp(critBig));
    }
    // Text and empty cells only satisfy "not equal" to a number.
    return op === '<>' && !(cell instanceof ErrVal);
  };
}

function test(op: Cmp, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
  }
}

/** Wildcard match with one backtrack point: linear-ish, no regex, so no catastrophic backtracking. */
function compileGlob(pattern: string): (s: string) => boolean {
  const p: { ch: string; any: boolean; star: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '~' && i + 1 < pattern.length)
      p.push({ ch: pattern[++i] ?? '', any: false, star: false });
    else p.push({ ch, any: ch === '?', star: ch === '*' });
  }
  return (s) => {
    let si = 0;
    let pi = 0;
    let starP = -1;
    let starS = 0;
    while (si < s.length) {
      const t = p[pi];
      if (t && !t.star && (t.any || t.ch === s[si])) {
        si++;
        pi++;
      } else if (t && t.star) {
        starP = pi++;
        starS = si;
      } else if (starP >= 0) {
        pi = starP + 1;
        si = ++starS;
      } else return false;
    }
    while (p[pi]?.star) pi++;
    return pi === p.length;
  };
}
