// Minimal edits: every change is ONE replacement of a source range, and nothing outside that range
// changes — untouched cells keep their quoting, rows keep their line endings, the BOM and the
// trailing newline (or its absence) stay as they were. VS Code then owns undo, dirty state and save.

import { detectLineEndings, type Newline } from './line-endings';
import type { CsvTable } from './scan';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Quotes a value only when CSV needs it: it contains a comma, a double quote, CR or LF.
 * Leading and trailing spaces are data in RFC 4180 (and Excel/WPS and papaparse keep them), so they
 * are not quoted. A `'` is never added: values are saved exactly as typed (CSV injection is reported
 * by the validator instead).
 */
export function quoteField(value: string): string {
  if (!/[",\r\n]/.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/** Quotes a value that would otherwise be read as the file's BOM (only possible in cell 0,0 at offset 0). */
function quoteAt(value: string, offset: number): string {
  if (offset === 0 && value.charCodeAt(0) === 0xfeff) return `"${value.replace(/"/g, '""')}"`;
  return quoteField(value);
}

function formatRowAt(values: readonly string[], offset: number): string {
  return values.map((v, i) => (i === 0 ? quoteAt(v, offset) : quoteField(v))).join(',');
}

export function formatRow(values: readonly string[]): string {
  return values.map(quoteField).join(',');
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/**
 * Replaces exactly the cell's raw range. Past the end of a short row, the needed commas are appended
 * at the row's end; past the last row, empty lines and then the new row are appended using the
 * file's dominant line ending. Setting '' on a cell that does not exist is a no-op (an empty edit), so
 * a save never pads rows.
 */
export function editCell(table: CsvTable, row: number, col: number, value: string): TextEdit {
  checkIndex(row, 'row');
  checkIndex(col, 'column');
  if (row < table.rowCount) {
    const count = table.cellCount(row);
    if (col < count) {
      const start = table.cellStart(row, col);
      const end = table.cellEnd(row, col);
      const vanishes = value === '' && count === 1 && !survivesEmpty(table.text, start, end);
      return { start, end, text: vanishes ? '""' : quoteAt(value, start) };
    }
    const at = table.rowEnd(row);
    if (value === '') return { start: at, end: at, text: '' };
    return { start: at, end: at, text: ','.repeat(col - count + 1) + quoteField(value) };
  }
  const at = table.text.length;
  if (value === '') return { start: at, end: at, text: '' };
  const rows: string[][] = [];
  for (let r = table.rowCount; r < row; r++) rows.push([]);
  rows.push([...new Array<string>(col).fill(''), value]);
  return insertRows(table, table.rowCount, rows);
}

/**
 * Writes several cells of one existing row as ONE replacement, from the first written cell to the
 * last (or to the row's end when cells past it are written). Each cell inside the row is written as
 * `editCell` writes it (so the BOM and vanishing-row rules hold); cells in between keep their raw
 * bytes; missing cells before a written one are added empty. '' past the row's end adds nothing
 * unless a later cell needs the commas, so a save never pads rows.
 */
export function editRowCells(
  table: CsvTable,
  row: number,
  cells: ReadonlyMap<number, string>,
): TextEdit {
  checkIndex(row, 'row');
  if (row >= table.rowCount) throw new RangeError(`row ${row} is past the end of the file`);
  // Every scanned row has at least one cell (an empty line is one empty cell).
  const count = table.cellCount(row);
  let first = Infinity;
  let last = -1;
  for (const [col, value] of cells) {
    checkIndex(col, 'column');
    if (col >= count && value === '') continue;
    first = Math.min(first, col);
    last = Math.max(last, col);
  }
  const rowEnd = table.rowEnd(row);
  if (last < 0) return { start: rowEnd, end: rowEnd, text: '' };
  const appended = last >= count;
  const start = first < count ? table.cellStart(row, first) : rowEnd;
  let text = '';
  let pos = start;
  for (let col = first; col < Math.min(last + 1, count); col++) {
    const value = cells.get(col);
    if (value === undefined) continue;
    const e = editCell(table, row, col, value);
    // An emptied one-cell row is written `""` only so that it does not vanish; appended cells keep it.
    text += table.text.slice(pos, e.start) + (appended && value === '' ? '' : e.text);
    pos = e.end;
  }
  if (!appended) return { start, end: pos, text };
  text += table.text.slice(pos, rowEnd);
  for (let col = count; col <= last; col++) text += ',' + quoteField(cells.get(col) ?? '');
  return { start, end: rowEnd, text };
}

/**
 * Inserts whole rows before `beforeRow` (0..rowCount). Inside the file the insertion is a pure
 * insertion at the row's start. At the end, a file without a trailing newline gets a separator
 * before the new rows (its last row's bytes are otherwise untouched) and still ends without one;
 * an empty file gets terminated rows. An empty row is written as an empty line.
 */
export function insertRows(
  table: CsvTable,
  beforeRow: number,
  rows: readonly string[][],
): TextEdit {
  checkIndex(beforeRow, 'row');
  if (beforeRow > table.rowCount) {
    throw new RangeError(`cannot insert before row ${beforeRow}: the file has ${table.rowCount}`);
  }
  if (rows.length === 0) return { start: 0, end: 0, text: '' };
  const eol = dominantNewline(table);
  const text = table.text;
  const inside = beforeRow < table.rowCount;
  const at = inside ? table.rowStart(beforeRow) : text.length;
  const lines = rows.map((r, i) => (i === 0 ? formatRowAt(r, at) : formatRow(r)));
  // A lone-CR terminator before an empty line that starts with LF would fuse into one CRLF.
  if (lines[0] === '' && text.charCodeAt(at - 1) === CR && eol !== '\r') lines[0] = '""';
  if (inside) {
    // Likewise a new CR terminator right before an existing empty LF line: end that row with CRLF.
    const lastEol = eol === '\r' && text.charCodeAt(at) === LF ? '\r\n' : eol;
    const body = lines.map((l, i) => l + (i === lines.length - 1 ? lastEol : eol)).join('');
    return { start: at, end: at, text: body };
  }
  const terminated = table.rowCount === 0 || table.hasTrailingNewline;
  const lead = terminated ? '' : eol;
  // An unterminated empty last line would not be a row at all, so it always gets its terminator.
  const tail = terminated || lines[lines.length - 1] === '' ? eol : '';
  return { start: at, end: at, text: lead + lines.join(eol) + tail };
}

/**
 * Removes rows firstRow..firstRow+count-1 with their terminators. When the removed rows run to the
 * end of a file without a trailing newline, the previous row's terminator goes too, so the file
 * still ends without one — unless that row is an empty line, which would then vanish.
 */
export function deleteRows(table: CsvTable, firstRow: number, count: number): TextEdit {
  checkIndex(firstRow, 'row');
  checkIndex(count, 'count');
  if (firstRow + count > table.rowCount) {
    throw new RangeError(
      `cannot delete rows ${firstRow}..${firstRow + count - 1}: the file has ${table.rowCount}`,
    );
  }
  if (count === 0) return { start: 0, end: 0, text: '' };
  const start = table.rowStart(firstRow);
  const after = firstRow + count;
  if (after < table.rowCount) {
    const end = table.rowStart(after);
    // Removing rows between a lone-CR terminator and an LF would fuse them into one CRLF; take the
    // CR instead and keep the deleted row's LF, so the previous row ends with LF and all rows stay.
    const text = table.text;
    if (text.charCodeAt(start - 1) === CR && text.charCodeAt(end) === LF) {
      return { start: start - 1, end: end - 1, text: '' };
    }
    return { start, end, text: '' };
  }
  const end = table.text.length;
  if (table.hasTrailingNewline || firstRow === 0) return { start, end, text: '' };
  const prev = firstRow - 1;
  if (table.rowStart(prev) === table.rowEnd(prev)) return { start, end, text: '' };
  return { start: table.rowEnd(prev), end, text: '' };
}

const newlineCache = new WeakMap<CsvTable, Newline>();

/** Cached per table: the grid calls the edit functions on a table that may have 1M rows. */
export function dominantNewline(table: CsvTable): Newline {
  let eol = newlineCache.get(table);
  if (eol === undefined) {
    eol = detectLineEndings(table).dominant;
    newlineCache.set(table, eol);
  }
  return eol;
}

/**
 * Whether a one-cell row stays a row when its cell becomes empty text. It does not when it is the
 * unterminated last row, or when the previous row's lone CR would fuse with this row's LF.
 */
function survivesEmpty(text: string, start: number, end: number): boolean {
  if (end >= text.length) return false;
  return !(text.charCodeAt(start - 1) === CR && text.charCodeAt(end) === LF);
}

const CR = 13;
const LF = 10;

function checkIndex(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer`);
}
