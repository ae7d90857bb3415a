// The selection's count and exact sum for the status bar, sent to the extension (debounced per frame).
import type { GridController } from './gridController';
import { post } from './vscodeApi';

/** Beyond this many cells the sum is skipped (select-all on a huge file must stay instant). */
const MAX_SUMMED_CELLS = 200_000;

let pending = 0;

export function postSelection(grid: GridController): void {
  if (pending) return;
  pending = requestAnimationFrame(() => {
    pending = 0;
    const r = grid.selection.rect();
    const count = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    let numericCount = 0;
    let sum = 0n;
    const summed = count <= MAX_SUMMED_CELLS;
    if (summed) {
      for (let row = Math.max(r.top, 1); row <= r.bottom; row++) {
        const fileRow = grid.fileRow(row);
        for (let col = r.left; col <= r.right; col++) {
          const fen = grid.presenter.fen(fileRow, col);
          if (fen === null) continue;
          numericCount++;
          sum += fen;
        }
      }
    }
    post({
      type: 'selection',
      row: grid.fileRow(grid.selection.active.row),
      col: grid.selection.active.col,
      count,
      numericCount,
      sumFen: summed && numericCount > 0 ? sum.toString() : null,
    });
  });
}
