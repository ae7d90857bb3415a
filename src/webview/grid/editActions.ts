// Grid commands that write: clear, paste (TSV from Excel/WPS), fill down, insert and delete rows.
// Each becomes one message, so each is one undo step in VS Code.
import { parseTsv, toTsv } from '../../core/csv/tsv';
import type { CellWrite } from '../../shared/protocol';
import { shiftFormula } from './fillFormula';
import type { GridController } from './gridController';
import { post } from './vscodeApi';

export function clearSelection(grid: GridController): void {
  const r = grid.selection.rect();
  const cells: CellWrite[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      if (grid.raw(row, col) !== '') cells.push({ row: grid.fileRow(row), col, value: '' });
    }
  }
  grid.write(cells);
}

/** The selection as TSV of the raw cell text (formulas as typed), as Excel and WPS expect. */
export function selectionAsTsv(grid: GridController): string {
  const r = grid.selection.rect();
  const rows: string[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const cells: string[] = [];
    for (let col = r.left; col <= r.right; col++) cells.push(grid.raw(row, col));
    rows.push(cells);
  }
  return toTsv(rows);
}

/**
 * Pastes a block at the active cell. A single value pasted over a larger selection fills it.
 * Rows past the end of the file are appended (not in a sorted or filtered view, where the rows
 * below the view's last row have no file position).
 */
export function pasteTsv(grid: GridController, text: string): void {
  const block = parseTsv(text);
  if (block.length === 0) return;
  const r = grid.selection.rect();
  const single = block.length === 1 && block[0]?.length === 1;
  const height = single ? r.bottom - r.top + 1 : block.length;
  const width = single ? r.right - r.left + 1 : Math.max(...block.map((b) => b.length));
  const displayRows = grid.view.rowCountNow();
  const cells: CellWrite[] = [];
  for (let i = 0; i < height; i++) {
    const displayRow = r.top + i;
    let fileRow: number;
    if (displayRow < displayRows) fileRow = grid.fileRow(displayRow);
    else if (!grid.order.active) fileRow = displayRow;
    else break;
    for (let j = 0; j < width; j++) {
      const value = single ? (block[0]?.[0] ?? '') : block[i]?.[j];
      if (value === undefined) continue;
      cells.push({ row: fileRow, col: r.left + j, value });
    }
  }
  grid.write(cells);
  grid.select({ row: r.top, col: r.left }, false);
  grid.select({ row: r.top + height - 1, col: r.left + width - 1 }, true);
}

/** Ctrl+D: the selection's top row copied into the rows below it, formulas shifted. */
export function fillDown(grid: GridController): void {
  const r = grid.selection.rect();
  const top = r.top === r.bottom ? r.top - 1 : r.top;
  if (top < 1) return;
  const cells: CellWrite[] = [];
  for (let col = r.left; col <= r.right; col++) {
    const source = grid.raw(top, col);
    const sourceFileRow = grid.fileRow(top);
    for (let row = top + 1; row <= r.bottom; row++) {
      const fileRow = grid.fileRow(row);
      const value = shiftFormula(source, fileRow - sourceFileRow);
      if (value !== grid.raw(row, col)) cells.push({ row: fileRow, col, value });
    }
  }
  grid.write(cells);
}

/** Inserts as many rows as are selected, above the selection (file order; ids filled by the extension). */
export function insertRows(grid: GridController, below: boolean): void {
  if (grid.model.readOnly) return;
  const r = grid.selection.rect();
  const count = r.bottom - r.top + 1;
  const anchor = below ? grid.fileRow(r.bottom) + 1 : grid.fileRow(Math.max(r.top, 1));
  post({ type: 'insertRows', before: Math.max(1, anchor), count });
}

/** Deletes the selected rows; in the file's own order they are one contiguous block. */
export function deleteRows(grid: GridController): void {
  if (grid.model.readOnly || grid.order.active) return;
  const r = grid.selection.rect();
  const first = Math.max(1, r.top);
  if (r.bottom < first) return;
  post({ type: 'deleteRows', first, count: r.bottom - first + 1 });
}
