// Grid webview entry: builds the shell inside the empty body, then waits for `init` after saying `ready`.
import type { GridToWebview } from '../../shared/protocol';
import { GridController } from './gridController';
import { onGridKey } from './keyboard';
import { setBundle, t } from './l10n';
import { ColumnLayout } from './layout';
import { BasicPresenter } from './presenter';
import { loadState, post, saveState } from './vscodeApi';

const saved = loadState();
const layout = new ColumnLayout(saved.columnWidths ?? []);
const grid = new GridController(layout, new BasicPresenter());

const toolbar = document.createElement('div');
toolbar.className = 'toolbar';
const formulaRow = document.createElement('div');
formulaRow.className = 'formula-row';
formulaRow.append(grid.cellName, grid.formulaBar);
const notice = document.createElement('div');
notice.className = 'notice';
notice.hidden = true;
const noticeText = document.createElement('span');
const openAsText = document.createElement('button');
openAsText.addEventListener('click', () => post({ type: 'openAsText' }));
notice.append(noticeText, openAsText);
document.body.append(toolbar, formulaRow, notice, grid.view.viewport);

grid.onNavigateKey = (e) => onGridKey(grid, e, {});
grid.onChange = () => {
  notice.hidden = grid.model.notice === null;
  noticeText.textContent = grid.model.notice?.message ?? '';
  openAsText.textContent = t('Open as text');
  openAsText.hidden = !grid.model.notice?.offerText;
  document.body.classList.toggle('read-only', grid.model.readOnly);
  persist();
};
grid.onSelect = () => persist();

function cellFromEvent(e: MouseEvent): { row: number; col: number } | null {
  const target = e.target instanceof Element ? e.target.closest('[role="gridcell"]') : null;
  if (!(target instanceof HTMLElement)) return null;
  const row = Number(target.dataset['row']);
  const col = Number(target.dataset['col']);
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : null;
}

let dragging = false;
grid.view.viewport.addEventListener('mousedown', (e) => {
  const cell = cellFromEvent(e);
  if (!cell || e.button !== 0) return;
  e.preventDefault();
  if (grid.editor.editing) grid.editor.finish({ dRow: 0, dCol: 0 }, false);
  grid.select(cell, e.shiftKey);
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

grid.formulaBar.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    const { row, col } = grid.selection.active;
    const value = grid.formulaBar.value;
    if (value !== grid.model.raw(row, col)) grid.write([{ row, col, value }]);
    grid.moveBy(1, 0, false);
    grid.editor.input.focus();
  } else if (e.key === 'Escape') {
    e.preventDefault();
    grid.formulaBar.value = grid.model.raw(grid.selection.active.row, grid.selection.active.col);
    grid.editor.input.focus();
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
      columnWidths: layout.saved(),
      displayUnit: saved.displayUnit ?? null,
    });
  }, 200);
}
grid.view.viewport.addEventListener('scroll', persist, { passive: true });

let restored = false;
window.addEventListener('message', (event: MessageEvent<GridToWebview>) => {
  const message = event.data;
  if (message.type === 'init') setBundle(message.strings);
  grid.handle(message);
  if (message.type === 'init' && !restored) {
    restored = true;
    grid.view.render();
    grid.view.viewport.scrollTop = saved.scrollTop ?? 0;
    grid.view.viewport.scrollLeft = saved.scrollLeft ?? 0;
    grid.select({ row: saved.anchorRow ?? 1, col: saved.anchorCol ?? 0 }, false);
    grid.select({ row: saved.row ?? 1, col: saved.col ?? 0 }, true);
  }
});

post({ type: 'ready' });
