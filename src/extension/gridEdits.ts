// Turns grid intents into core TextEdits against one scan of the document. Pure (no vscode), so every
// write is computed by src/core/csv and only the bytes of the cells the user changed differ afterwards.
import { editCell, editRowCells, insertRows, type CsvTable, type TextEdit } from '../core/csv';
import { newRowId, rowIdPrefix } from '../core/ledger/rowid';
import { resolveSchema } from '../core/ledger/schema';
import type { CellWrite } from '../shared/protocol';

/**
 * Edits for a batch of cell writes, non-overlapping and all relative to `table.text`, so they can go into
 * one WorkspaceEdit (one undo step). Writes past a row's last cell extend that row; writes past the last
 * row append rows. A later write to the same cell wins.
 */
export function editsForWrites(table: CsvTable, writes: readonly CellWrite[]): TextEdit[] {
  const byRow = new Map<number, Map<number, string>>();
  for (const w of writes) {
    // Clearing a cell that does not exist changes nothing: a save never pads short rows.
    const exists = w.row < table.rowCount && w.col < table.cellCount(w.row);
    if (w.value === '' && !exists && !byRow.get(w.row)?.has(w.col)) continue;
    let row = byRow.get(w.row);
    if (!row) byRow.set(w.row, (row = new Map()));
    row.set(w.col, w.value);
  }
  const edits: TextEdit[] = [];
  const appended: string[][] = [];
  for (const [row, cells] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    if (row >= table.rowCount) {
      // New rows hold only what was written: no row, and no trailing cell, for a cleared value.
      if (![...cells.values()].some((v) => v !== '')) continue;
      const count = row - table.rowCount + 1;
      while (appended.length < count) appended.push([]);
      const target = appended[count - 1] ?? [];
      for (const [col, value] of cells) {
        if (value === '') continue;
        while (target.length <= col) target.push('');
        target[col] = value;
      }
      continue;
    }
    const existing = table.cellCount(row);
    const beyond = [...cells.keys()].some((col) => col >= existing);
    if (!beyond) {
      for (const [col, value] of cells) {
        if (table.cellValue(row, col) !== value) edits.push(editCell(table, row, col, value));
      }
      continue;
    }
    const edit = editRowCells(table, row, cells);
    if (edit.start !== edit.end || edit.text !== '') edits.push(edit);
  }
  if (appended.length > 0) edits.push(insertRows(table, table.rowCount, appended));
  return edits;
}

/**
 * Empty rows to insert before `before`; in a ledger each gets a fresh stable id (编号) that no row
 * in the file has, with the prefix of the row it is inserted next to.
 */
export function newRows(table: CsvTable, before: number, count: number): string[][] {
  const header = table.rowCount > 0 ? table.rowValues(0) : [];
  const idCol = resolveSchema(header).columns.get('id');
  if (idCol === undefined) return Array.from({ length: count }, () => []);
  const ids = new Set<string>();
  for (let row = 1; row < table.rowCount; row++) ids.add(table.cellValue(row, idCol).trim());
  const neighbour = before < table.rowCount ? before : before - 1;
  const prefix = rowIdPrefix(neighbour >= 1 ? table.cellValue(neighbour, idCol).trim() : undefined);
  return Array.from({ length: count }, () => {
    const id = newRowId(ids, prefix);
    ids.add(id);
    // As wide as the header, so the new row is not reported as ragged.
    const row = new Array<string>(Math.max(header.length, idCol + 1)).fill('');
    row[idCol] = id;
    return row;
  });
}
