import { isDigit, isLetter, parseCellText } from './refs';

/**
 * Rewrites the A1 row references of a formula as a spreadsheet does when rows move:
 * `delta > 0` inserts `delta` rows before row `at` (0-based), `delta < 0` deletes `-delta` rows
 * starting at `at`. Ranges grow, shrink or become `#REF!`; single cells in deleted rows become
 * `#REF!`. Whole columns, `{id}` references and strings are untouched. Returns `raw` unchanged when
 * nothing moves, so callers can skip edits.
 */
export function shiftRowReferences(raw: string, at: number, delta: number): string {
  if (delta === 0) return raw;
  return mapRowReferences(raw, {
    cell: (row) => shiftRow(row, at, delta),
    range: (r1, r2) => shiftRange(r1, r2, at, delta),
  });
}

/** Where the rows of A1 references go; undefined writes `#REF!` in place of the reference. */
export interface RowReferenceMap {
  cell(row: number): number | undefined;
  /** The range's rows as written (`r1` may be below `r2`); returns the new rows in the same order. */
  range(r1: number, r2: number): [number, number] | undefined;
}

/**
 * Rewrites the rows of every A1 cell reference and range in a formula through `map`; whole columns,
 * `{id}` references, strings and columns are untouched. Returns `raw` itself when nothing changes.
 */
export function mapRowReferences(raw: string, map: RowReferenceMap): string {
  if (!raw.startsWith('=')) return raw;
  const refs = findCellRefs(raw);
  if (refs.length === 0) return raw;
  let out = '';
  let last = 0;
  for (let k = 0; k < refs.length; k++) {
    const a = refs[k] as CellToken;
    const b = a.rangeEnd ? refs[k + 1] : undefined;
    if (b) k++;
    let replacement: string;
    if (b) {
      const rows = map.range(a.row, b.row);
      replacement = rows
        ? `${withRow(a, rows[0])}${raw.slice(a.end, b.start)}${withRow(b, rows[1])}`
        : '#REF!';
    } else {
      const row = map.cell(a.row);
      replacement = row === undefined ? '#REF!' : withRow(a, row);
    }
    out += raw.slice(last, a.start) + replacement;
    last = (b ?? a).end;
  }
  const result = out + raw.slice(last);
  return result === raw ? raw : result;
}

interface CellToken {
  start: number;
  end: number;
  /** Text up to the row digits, e.g. `$F$`. */
  prefix: string;
  row: number;
  /** Followed by `:` and another cell reference. */
  rangeEnd: boolean;
}

function withRow(t: CellToken, row: number): string {
  return `${t.prefix}${row + 1}`;
}

function shiftRow(row: number, at: number, delta: number): number | undefined {
  if (row < at) return row;
  if (delta > 0) return row + delta;
  return row < at - delta ? undefined : row + delta;
}

function shiftRange(
  r1: number,
  r2: number,
  at: number,
  delta: number,
): [number, number] | undefined {
  if (delta > 0) return [shiftRow(r1, at, delta) ?? r1, shiftRow(r2, at, delta) ?? r2];
  const end = at - delta;
  const n1 = r1 < at ? r1 : r1 < end ? at : r1 + delta;
  const n2 = r2 < at ? r2 : r2 < end ? at - 1 : r2 + delta;
  return n2 < n1 ? undefined : [n1, n2];
}

/** Cell references outside strings and `{…}`, not function names. */
function findCellRefs(src: string): CellToken[] {
  const out: CellToken[] = [];
  let i = 1;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 34) {
      let j = i + 1;
      for (;;) {
        const q = src.indexOf('"', j);
        if (q < 0) return out;
        if (src.charCodeAt(q + 1) !== 34) {
          i = q + 1;
          break;
        }
        j = q + 2;
      }
      continue;
    }
    if (isDigit(c) || c === 46) {
      // Numbers such as 1e3 must not be read as the cell E3.
      while (isDigit(src.charCodeAt(i)) || src.charCodeAt(i) === 46) i++;
      if ((src.charCodeAt(i) | 32) === 101) {
        i++;
        if (src[i] === '+' || src[i] === '-') i++;
        while (isDigit(src.charCodeAt(i))) i++;
      }
      continue;
    }
    if (c === 123) {
      const close = src.indexOf('}', i);
      i = close < 0 ? src.length : close + 1;
      continue;
    }
    if (isLetter(c) || c === 36 || c === 95) {
      const start = i;
      while (i < src.length && isWord(src.charCodeAt(i))) i++;
      const word = src.slice(start, i);
      let k = i;
      while (src.charCodeAt(k) === 32) k++;
      const cell = src.charCodeAt(k) === 40 ? undefined : parseCellText(word);
      if (cell) {
        let d = word.length;
        while (d > 0 && isDigit(word.charCodeAt(d - 1))) d--;
        const prev = out[out.length - 1];
        const joined = prev !== undefined && /^\s*:\s*$/.test(src.slice(prev.end, start));
        if (prev && joined && !out[out.length - 2]?.rangeEnd) prev.rangeEnd = true;
        out.push({ start, end: i, prefix: word.slice(0, d), row: cell.row, rangeEnd: false });
      }
      continue;
    }
    i++;
  }
  return out;
}

function isWord(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 36 || c === 95;
}
