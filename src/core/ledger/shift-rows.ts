// Inserting or deleting rows as a spreadsheet does: the row edit itself plus the formula cells whose
// A1 references must follow the rows that moved (`=SUM(G6:G8)` grows to `G6:G9` when a row goes in
// between). Whole columns and `{ID}` references need nothing. Returns edits on the text before the
// change, sorted and non-overlapping, so they apply as one undo step.
import { deleteRows, editCell, insertRows, type CsvTable, type TextEdit } from '../csv';
import { shiftRowReferences } from '../formula/shift';
import { formulaSheet, isFormulaCell } from './formula-sheet';
import { tableCells } from './sort-rows';

export function insertRowsShifting(
  table: CsvTable,
  before: number,
  rows: readonly string[][],
): TextEdit[] {
  const edits = formulaShiftEdits(table, before, rows.length, -1, -1);
  return mergeTouching([insertRows(table, before, rows), ...edits]);
}

export function deleteRowsShifting(table: CsvTable, first: number, count: number): TextEdit[] {
  const edits = formulaShiftEdits(table, first, -count, first, first + count);
  return mergeTouching([deleteRows(table, first, count), ...edits]);
}

/** Formula rewrites for rows moving at `at` by `delta`, skipping the rows [skipFrom, skipTo). */
function formulaShiftEdits(
  table: CsvTable,
  at: number,
  delta: number,
  skipFrom: number,
  skipTo: number,
): TextEdit[] {
  if (delta === 0 || table.rowCount < 2) return [];
  const sheet = formulaSheet(tableCells(table));
  const out: TextEdit[] = [];
  for (let row = 1; row < table.rowCount; row++) {
    if (row >= skipFrom && row < skipTo) continue;
    for (let col = 0; col < table.cellCount(row); col++) {
      if (!startsWithEquals(table, row, col) || !isFormulaCell(sheet, row, col)) continue;
      const raw = table.cellValue(row, col);
      const shifted = shiftRowReferences(raw, at, delta);
      if (shifted !== raw) out.push(editCell(table, row, col, shifted));
    }
  }
  return out;
}

/** A cheap look at the cell's first character, so most cells never become strings. */
function startsWithEquals(table: CsvTable, row: number, col: number): boolean {
  const start = table.cellStart(row, col);
  const at = table.isQuoted(row, col) ? start + 1 : start;
  return at < table.cellEnd(row, col) && table.text.charCodeAt(at) === 61;
}

/**
 * Sorts edits and joins those that touch (an insertion where a rewritten cell starts, a deletion
 * ending where one begins), so an editor applying them never sees two edits at one offset.
 */
function mergeTouching(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .filter((e) => e.start !== e.end || e.text !== '')
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start <= last.end) {
      if (e.start < last.end) throw new RangeError('row and formula edits overlap');
      out[out.length - 1] = { start: last.start, end: e.end, text: last.text + e.text };
    } else out.push(e);
  }
  return out;
}
