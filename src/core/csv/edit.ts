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
      // An unterminated last row holding one empty unquoted cell would not be a row at all.
      const vanishes = value === '' && count === 1 && !table.hasTrailingNewline;
      const text = vanishes && row === table.rowCount - 1 ? '""' : quoteAt(value, start);
      return { start, end: table.cellEnd(row, col), text };
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
  const lines = rows.map(formatRow);
  if (beforeRow < table.rowCount) {
    const at = table.rowStart(beforeRow);
    return { start: at, end: at, text: lines.map((l) => l + eol).join('') };
  }
  const at = table.text.length;
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
  if (after < table.rowCount) return { start, end: table.rowStart(after), text: '' };
  const end = table.text.length;
  if (table.hasTrailingNewline || firstRow === 0) return { start, end, text: '' };
  const prev = firstRow - 1;
  if (table.rowStart(prev) === table.rowEnd(prev)) return { start, end, text: '' };
  return { start: table.rowEnd(prev), end, text: '' };
}

export function dominantNewline(table: CsvTable): Newline {
  return detectLineEndings(table).dominant;
}

function checkIndex(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer`);
}
