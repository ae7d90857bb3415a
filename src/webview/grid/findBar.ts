// Ctrl+F: a find box over the grid. Searches raw cell text (formulas as typed) and shown values,
// case-insensitively, in display order from the active cell; Enter / Shift+Enter for next / previous.
import type { GridController } from './gridController';
import { t } from './l10n';

export class FindBar {
  readonly el = document.createElement('div');
  private readonly input = document.createElement('input');
  private readonly status = document.createElement('span');

  constructor(private readonly grid: GridController) {
    this.el.className = 'find';
    this.el.hidden = true;
    this.input.className = 'find-input';
    this.input.type = 'text';
    this.input.spellcheck = false;
    const prev = button('↑', () => this.step(-1));
    const next = button('↓', () => this.step(1));
    const close = button('×', () => this.close());
    prev.title = t('Previous match (Shift+Enter)');
    next.title = t('Next match (Enter)');
    close.title = t('Close (Escape)');
    this.el.append(this.input, this.status, prev, next, close);
    this.input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter') {
        e.preventDefault();
        this.step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
    this.input.addEventListener('input', () => {
      this.status.textContent = '';
    });
  }

  open(): void {
    this.el.hidden = false;
    this.input.placeholder = t('Find');
    this.input.focus();
    this.input.select();
  }

  close(): void {
    this.el.hidden = true;
    this.grid.editor.input.focus({ preventScroll: true });
  }

  /** Moves to the next (or previous) matching cell, wrapping around. */
  step(direction: 1 | -1): void {
    const needle = this.input.value.toLocaleLowerCase();
    if (!needle) return;
    const grid = this.grid;
    const rows = grid.view.rowCountNow();
    const cols = grid.model.columnCount;
    const total = rows * cols;
    const start = grid.selection.active.row * cols + grid.selection.active.col;
    for (let k = 1; k <= total; k++) {
      const index = (((start + direction * k) % total) + total) % total;
      const row = Math.floor(index / cols);
      const col = index % cols;
      if (this.matches(row, col, needle)) {
        grid.select({ row, col }, false);
        this.status.textContent = '';
        this.input.focus();
        return;
      }
    }
    this.status.textContent = t('No results');
  }

  private matches(row: number, col: number, needle: string): boolean {
    const raw = this.grid.raw(row, col);
    if (raw.toLocaleLowerCase().includes(needle)) return true;
    if (!raw.startsWith('=') && !/\d/.test(raw)) return false;
    const shown = this.grid.presenter.present(this.grid.model, this.grid.fileRow(row), col).text;
    return shown.toLocaleLowerCase().includes(needle);
  }
}

function button(label: string, action: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', action);
  return b;
}
