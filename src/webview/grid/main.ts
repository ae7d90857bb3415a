// Grid webview entry: builds the shell inside the empty body, says `ready`, and renders what `init` brings.
import type { GridToWebview, GridUnitChoice } from '../../shared/protocol';
import { enableColumnResize } from './columnResize';
import {
  clearSelection,
  deleteRows,
  fillDown,
  insertRows,
  pasteTsv,
  selectionAsTsv,
} from './editActions';
import { FindBar } from './findBar';
import { GridController } from './gridController';
import { GridModel } from './gridModel';
import { onGridKey } from './keyboard';
import { setBundle, t } from './l10n';
import { ColumnLayout } from './layout';
import { markNextFrame, mark, perfMark } from './perfMarks';
import { LedgerPresenter } from './presenter';
import { postSelection } from './selectionSummary';
import { Toolbar } from './toolbar';
import { loadState, post, saveState } from './vscodeApi';

const saved = loadState();
const model = new GridModel();
const presenter = new LedgerPresenter(model);
const grid = new GridController(model, new ColumnLayout(saved.columnWidths ?? []), presenter);
const find = new FindBar(grid);
const toolbar = new Toolbar(grid, find);

const formulaRow = document.createElement('div');
formulaRow.className = 'formula-row';
formulaRow.append(grid.cellName, grid.formulaBar);
const notice = document.createElement('div');
notice.className = 'notice';
notice.setAttribute('role', 'alert');
notice.hidden = true;
const noticeText = document.createElement('span');
const openAsText = document.createElement('button');
openAsText.type = 'button';
openAsText.className = 'open-as-text';
openAsText.addEventListener('click', () => post({ type: 'openAsText' }));
notice.append(noticeText, openAsText);
const main = document.createElement('div');
main.className = 'main';
main.append(grid.view.viewport, find.el);
document.body.append(toolbar.el, formulaRow, notice, main);

const keys = {
  'ctrl+f': () => find.open(),
  'ctrl+d': () => fillDown(grid),
  'ctrl+shift++': () => insertRows(grid, false),
  'ctrl+=': () => insertRows(grid, false),
  'ctrl+-': () => deleteRows(grid),
};
grid.onNavigateKey = (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') e.stopPropagation();
  onGridKey(grid, e, keys);
};

let unit: GridUnitChoice = saved.displayUnit ?? 'asDeclared';
function setUnit(next: GridUnitChoice): void {
  unit = next;
  presenter.unit = next;
  toolbar.setUnit(next);
  model.epoch++;
  grid.view.schedule();
  persist();
}

grid.onChange = () => {
  notice.hidden = model.notice === null;
  noticeText.textContent = model.notice?.message ?? '';
  openAsText.textContent = t('Open as text');
  openAsText.hidden = !model.notice?.offerText;
  document.body.classList.toggle('read-only', model.readOnly);
  // Only the first rows of a big text are here yet: keys wait for the rest (screen readers say so too).
  grid.view.viewport.setAttribute('aria-busy', String(model.partial));
  toolbar.refresh();
  postSelection(grid);
  persist();
};
presenter.onEngineReady = () => {
  model.epoch++;
  if (grid.order.active) grid.refreshOrder();
  grid.view.schedule();
  postSelection(grid);
  if (!model.partial) markNextFrame(perfMark.interactive);
};
grid.onSelect = () => {
  postSelection(grid);
  persist();
};

// The focused cell-editor input receives the clipboard events (Ctrl+C / Ctrl+X / Ctrl+V, menus).
const input = grid.editor.input;
input.addEventListener('copy', (e) => {
  if (grid.editor.editing || !e.clipboardData) return;
  e.preventDefault();
  e.clipboardData.setData('text/plain', selectionAsTsv(grid));
});
input.addEventListener('cut', (e) => {
  if (grid.editor.editing || !e.clipboardData) return;
  e.preventDefault();
  e.clipboardData.setData('text/plain', selectionAsTsv(grid));
  clearSelection(grid);
});
input.addEventListener('paste', (e) => {
  if (grid.editor.editing || !e.clipboardData) return;
  e.preventDefault();
  pasteTsv(grid, e.clipboardData.getData('text/plain'));
});

function cellFromEvent(e: MouseEvent): { row: number; col: number } | null {
  const target = e.target instanceof Element ? e.target.closest('[role="gridcell"]') : null;
  if (!(target instanceof HTMLElement)) return null;
  const row = grid.view.displayRowOf(target);
  const col = Number(target.dataset['col']);
  return row !== undefined && Number.isInteger(col) ? { row, col } : null;
}

let dragging = false;
grid.view.viewport.addEventListener('mousedown', (e) => {
  const cell = cellFromEvent(e);
  if (!cell || e.button !== 0) return;
  e.preventDefault();
  if (grid.editor.editing) grid.editor.finish({ dRow: 0, dCol: 0 }, false);
  grid.select(cell, e.shiftKey);
  input.focus({ preventScroll: true });
  dragging = true;
});
grid.view.viewport.addEventListener('mousemove', (e) => {
  if (!dragging) return;
  const cell = cellFromEvent(e);
  if (cell) grid.select(cell, true);
});
window.addEventListener('mouseup', () => {
  dragging = false;
});
grid.view.viewport.addEventListener('dblclick', (e) => {
  if (cellFromEvent(e)) grid.startEdit();
});
enableColumnResize(grid.view, () => persist());

grid.formulaBar.addEventListener('keydown', (e) => {
  e.stopPropagation();
  const { row, col } = grid.selection.active;
  if (e.key === 'Enter') {
    e.preventDefault();
    const value = grid.formulaBar.value;
    if (value !== grid.raw(row, col)) grid.write([{ row: grid.fileRow(row), col, value }]);
    grid.moveBy(1, 0, false);
    input.focus();
  } else if (e.key === 'Escape') {
    e.preventDefault();
    grid.formulaBar.value = grid.raw(row, col);
    input.focus();
  }
});

let persistTimer = 0;
function persist(): void {
  window.clearTimeout(persistTimer);
  persistTimer = window.setTimeout(() => {
    const { active, anchor } = grid.selection;
    saveState({
      scrollTop: grid.view.viewport.scrollTop,
      scrollLeft: grid.view.viewport.scrollLeft,
      row: active.row,
      col: active.col,
      anchorRow: anchor.row,
      anchorCol: anchor.col,
      columnWidths: grid.view.layout.saved(),
      displayUnit: unit,
    });
  }, 200);
}
grid.view.viewport.addEventListener('scroll', persist, { passive: true });

let restored = false;
window.addEventListener('message', (event: MessageEvent<GridToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      mark(
        message.preview || !performance.getEntriesByName(perfMark.init).length
          ? perfMark.init
          : perfMark.wholeText,
      );
      setBundle(message.strings);
      presenter.evaluate = message.evaluateFormulas;
      presenter.language = message.language;
      presenter.unit = message.displayUnit;
      unit = message.displayUnit;
      toolbar.setUnit(unit);
      break;
    case 'displayUnit':
      setUnit(message.unit);
      return;
    case 'find':
      find.open();
      return;
    default:
      break;
  }
  grid.handle(message);
  if (message.type === 'init' && message.preview) {
    grid.view.render();
    if (model.rowCount > 1) markNextFrame(perfMark.firstRows);
  } else if (message.type === 'init' && !restored) {
    restored = true;
    grid.view.render();
    grid.view.viewport.scrollTop = saved.scrollTop ?? 0;
    grid.view.viewport.scrollLeft = saved.scrollLeft ?? 0;
    grid.select({ row: saved.anchorRow ?? 1, col: saved.anchorCol ?? 0 }, false);
    grid.select({ row: saved.row ?? 1, col: saved.col ?? 0 }, true);
    if (model.rowCount > 1 && !performance.getEntriesByName(perfMark.firstRows).length)
      markNextFrame(perfMark.firstRows);
  }
});

mark(perfMark.ready);
post({ type: 'ready' });
