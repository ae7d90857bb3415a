// Spreadsheet keys while navigating (the in-cell editor handles its own keys while editing).
import type { GridController } from './gridController';
import { clearSelection } from './editActions';
import { jumpTarget } from './selection';

/** Extra commands bound by other modules (clipboard, rows, find), keyed like `ctrl+d`. */
export type KeyActions = Record<string, () => void>;

export function keyName(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('ctrl');
  if (e.shiftKey) parts.push('shift');
  if (e.altKey) parts.push('alt');
  parts.push(e.key.length === 1 ? e.key.toLowerCase() : e.key);
  return parts.join('+');
}

export function onGridKey(grid: GridController, e: KeyboardEvent, extra: KeyActions): void {
  if (e.isComposing) return;
  const name = keyName(e);
  const action = extra[name];
  if (action) {
    e.preventDefault();
    action();
    return;
  }
  const ctrl = e.ctrlKey || e.metaKey;
  const shift = e.shiftKey;
  const { row, col } = grid.selection.active;
  const rows = grid.view.rowCountNow();
  const cols = grid.model.columnCount;
  const filledInCol = (r: number): boolean => grid.raw(r, col) !== '';
  const filledInRow = (c: number): boolean => grid.raw(row, c) !== '';
  let handled = true;
  switch (e.key) {
    case 'ArrowUp':
      if (ctrl) grid.select({ row: jumpTarget(row, -1, rows, filledInCol), col }, shift);
      else grid.moveBy(-1, 0, shift);
      break;
    case 'ArrowDown':
      if (ctrl) grid.select({ row: jumpTarget(row, 1, rows, filledInCol), col }, shift);
      else grid.moveBy(1, 0, shift);
      break;
    case 'ArrowLeft':
      if (ctrl) grid.select({ row, col: jumpTarget(col, -1, cols, filledInRow) }, shift);
      else grid.moveBy(0, -1, shift);
      break;
    case 'ArrowRight':
      if (ctrl) grid.select({ row, col: jumpTarget(col, 1, cols, filledInRow) }, shift);
      else grid.moveBy(0, 1, shift);
      break;
    case 'Home':
      grid.select({ row: ctrl ? 0 : row, col: 0 }, shift);
      break;
    case 'End':
      grid.select({ row: ctrl ? rows - 1 : row, col: cols - 1 }, shift);
      break;
    case 'PageDown':
      grid.moveBy(grid.view.pageRows(), 0, shift);
      break;
    case 'PageUp':
      grid.moveBy(-grid.view.pageRows(), 0, shift);
      break;
    case 'Tab':
      grid.moveBy(0, shift ? -1 : 1, false);
      break;
    case 'Enter':
      // As in Excel and WPS: Enter moves down, Shift+Enter up; F2 or a double-click edits.
      if (ctrl) handled = false;
      else grid.moveBy(shift ? -1 : 1, 0, false);
      break;
    case 'F2':
      grid.startEdit();
      break;
    case 'Escape':
      grid.select({ ...grid.selection.active }, false);
      break;
    case 'Delete':
    case 'Backspace':
      clearSelection(grid);
      break;
    default:
      handled = handleOther(grid, e, ctrl);
  }
  if (handled) e.preventDefault();
}

function handleOther(grid: GridController, e: KeyboardEvent, ctrl: boolean): boolean {
  const key = e.key.toLowerCase();
  if (ctrl && !e.altKey) {
    // Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z are left alone: VS Code's webview forwards them to the workbench,
    // which undoes on the document, so the grid, a text editor and a second grid share one history.
    if (key === 'a') {
      grid.select({ row: 0, col: 0 }, false);
      grid.select({ row: grid.view.rowCountNow() - 1, col: grid.model.columnCount - 1 }, true);
    } else return false;
    return true;
  }
  // A printable character is left to the focused cell-editor input, whose `input` event starts editing.
  return false;
}
