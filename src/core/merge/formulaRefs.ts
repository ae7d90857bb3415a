import { columnFromLetters, lettersFromColumn } from '../formula/refs';

/** Where each 0-based row and column of one input ended up in the merge result (undefined: deleted). */
export interface RefMap {
  row(r: number): number | undefined;
  col(c: number): number | undefined;
}

export interface RemappedFormula {
  readonly text: string;
  /** References whose row or column the merge deleted, as written (kept unchanged in `text`). */
  readonly lost: readonly string[];
}

const CELL =
  /(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6})(?::(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6}))?(?![A-Za-z0-9_(.])/y;
const COLUMNS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(.])/y;

/**
 * Rewrites the A1 references of a formula the way a spreadsheet does when rows or columns are
 * inserted or deleted: each reference follows its cell, a range follows its two corners (so rows
 * inserted inside a range widen it, and a deleted corner moves inward to the nearest kept row).
 * A single reference to a deleted row or column is left as written and reported in `lost`.
 * Strings ("…") and id references ({…}) are never touched; ids are stable across merges.
 */
export function remapFormula(text: string, map: RefMap): RemappedFormula {
  const lost: string[] = [];
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (c === '{') {
      const close = text.indexOf('}', i);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (!isWordStart(c) || (i > 0 && isWordChar(text[i - 1] as string))) {
      i++;
      continue;
    }
    CELL.lastIndex = i;
    const m = CELL.exec(text);
    if (m) {
      const replaced = remapCells(m, map);
      if (replaced === undefined) lost.push(m[0]);
      else if (replaced !== m[0]) {
        out += text.slice(last, i) + replaced;
        last = i + m[0].length;
      }
      i += m[0].length;
      continue;
    }
    COLUMNS.lastIndex = i;
    const k = COLUMNS.exec(text);
    if (k) {
      const c1 = shrink(columnFromLetters(k[2] ?? ''), columnFromLetters(k[4] ?? ''), map.col);
      if (c1 === undefined) lost.push(k[0]);
      else {
        const replaced = `${k[1]}${lettersFromColumn(c1[0])}:${k[3]}${lettersFromColumn(c1[1])}`;
        if (replaced !== k[0]) {
          out += text.slice(last, i) + replaced;
          last = i + k[0].length;
        }
      }
      i += k[0].length;
      continue;
    }
    while (i < n && isWordChar(text[i] as string)) i++;
  }
  return { text: last === 0 ? text : out + text.slice(last), lost };
}

function remapCells(m: RegExpExecArray, map: RefMap): string | undefined {
  const col1 = columnFromLetters(m[2] ?? '');
  const row1 = Number(m[4]) - 1;
  if (m[6] === undefined) {
    const r = map.row(row1);
    const c = map.col(col1);
    if (r === undefined || c === undefined) return undefined;
    return `${m[1]}${lettersFromColumn(c)}${m[3]}${r + 1}`;
  }
  const col2 = columnFromLetters(m[6]);
  const row2 = Number(m[8]) - 1;
  const rows = shrink(row1, row2, map.row);
  const cols = shrink(col1, col2, map.col);
  if (!rows || !cols) return undefined;
  return (
    `${m[1]}${lettersFromColumn(cols[0])}${m[3]}${rows[0] + 1}:` +
    `${m[5]}${lettersFromColumn(cols[1])}${m[7]}${rows[1] + 1}`
  );
}

/** New positions of a range's two ends, each moved inward past deleted lines; undefined if none survive. */
function shrink(
  a: number,
  b: number,
  f: (x: number) => number | undefined,
): [number, number] | undefined {
  const step = a <= b ? 1 : -1;
  let lo: number | undefined;
  let x = a;
  for (; lo === undefined && x !== b + step; x += step) lo = f(x);
  if (lo === undefined) return undefined;
  let hi: number | undefined;
  for (let y = b; hi === undefined; y -= step) hi = f(y);
  return [lo, hi];
}

function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] !== '"') continue;
    if (text[j + 1] === '"') j++;
    else return j + 1;
  }
  return text.length;
}

function isWordStart(c: string): boolean {
  return c === '$' || /[A-Za-z]/.test(c);
}

function isWordChar(c: string): boolean {
  return /[A-Za-z0-9_.$]/.test(c);
}
