// The grid webview's work before and after the DOM: from the text arriving in `init` to the first
// screen's cell texts, to interactive (every formula evaluated), and from one amount edit (`update`)
// to the recalculated total's text. The DOM itself (about 40 rows × 10 cells, recycled) is not timed
// here: there is no browser in a node bench.
//
//   node out/bench/grid.bench.js [rows…]      (default 10000 100000 500000)
import { editCell } from '../src/core/csv/edit';
import { scanCsv } from '../src/core/csv/scan';
import { GridModel } from '../src/webview/grid/gridModel';
import { LedgerPresenter } from '../src/webview/grid/presenter';
import { generateLedger } from './ledger-generator';

const SCREEN_ROWS = 40;

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
}

function paintScreen(model: GridModel, presenter: LedgerPresenter, first: number): number {
  let chars = 0;
  for (let row = first; row < Math.min(first + SCREEN_ROWS, model.rowCount); row++) {
    for (let col = 0; col < model.columnCount; col++)
      chars += presenter.present(model, row, col).text.length;
  }
  return chars;
}

function run(rows: number): void {
  const text = [...generateLedger(rows)].join('');
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  // What the grid paints first for a big text: a preview scan of its first rows, no formulas yet.
  const previewModel = new GridModel();
  const previewPresenter = new LedgerPresenter(previewModel);
  previewPresenter.evaluate = false;
  const [previewed, previewTime] = time(() => {
    const ok = previewModel.preview(text, 1, null);
    previewPresenter.rebuild();
    paintScreen(previewModel, previewPresenter, 1);
    return ok;
  });
  const model = new GridModel();
  const presenter = new LedgerPresenter(model);
  const [, scan] = time(() => model.reset(text, 1, false, null));
  // First paint: the screen's cells are computed on demand, so the engine must exist first.
  const [, engine] = time(() => presenter.rebuild());
  const [, screen] = time(() => paintScreen(model, presenter, 1));
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  // One keystroke's worth: change the amount of an entry that a 小计 formula sums.
  const table = scanCsv(model.text);
  const row = 3;
  const col = 6;
  const edit = editCell(table, row, col, '12345.67');
  const length = model.text.length - (edit.end - edit.start) + edit.text.length;
  const [changed, apply] = time(() => model.applySplices([edit], 2, length));
  const [, recalc] = time(() => {
    if (changed && changed !== 'many') presenter.cellChanged(changed.row, changed.col);
    else presenter.rebuild();
  });
  const [, repaint] = time(() => paintScreen(model, presenter, 1));
  const mb = (text.length / 2 ** 20).toFixed(1);
  console.log(
    `${String(rows).padStart(7)} rows ${mb.padStart(5)} M chars | first screen ${(scan + engine + screen).toFixed(0).padStart(5)} ms` +
      ` (scan ${scan.toFixed(0)}, formulas ${engine.toFixed(0)}, cells ${screen.toFixed(1)}) | heap ${heap.toFixed(0)} MB` +
      ` | preview paint ${previewed ? `${previewTime.toFixed(1)} ms` : 'n/a'}` +
      ` | edit→total ${(apply + recalc + repaint).toFixed(1)} ms (rescan ${apply.toFixed(1)}, recalc ${recalc.toFixed(2)}, cells ${repaint.toFixed(1)})` +
      ` ${changed === 'many' ? '[full rebuild]' : ''}`,
  );
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const rows of sizes.length ? sizes : [10_000, 100_000, 500_000]) run(rows);
