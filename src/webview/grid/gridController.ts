// Wires the grid together: the mirror of the document, the sort/filter view, the selection (in display
// rows), the view, the in-cell editor and the formula bar. User intents go to the extension as messages
// in file coordinates; nothing here edits the text itself.
import type { CellWrite, GridToWebview } from '../../shared/protocol';
import { CellEditor } from './cellEditor';
import { GridModel } from './gridModel';
import { GridView } from './gridView';
import { ColumnLayout, columnLetters } from './layout';
import type { LedgerPresenter } from './presenter';
import { RowOrder, type CellKey } from './rowOrder';
import { Selection, type CellRef } from './selection';
import { mark, perfMark } from './perfMarks';
import { post } from './vscodeApi';

/** Above this many rows a structural change repaints before the formulas are recalculated. */
const DEFER_ABOVE_ROWS = 50_000;
/** Above this many characters the first screen is painted from a preview scan. */
const PREVIEW_ABOVE_CHARS = 2_000_000;

export class GridController {
  readonly selection = new Selection(0, 0);
  readonly order = new RowOrder();
  readonly view: GridView;
  readonly editor: CellEditor;
  readonly formulaBar = document.createElement('input');
  readonly cellName = document.createElement('span');
  private selectionEpoch = 0;
  /** Cells with a validation problem: `row:col` (file coordinates) → class and message. */
  problems = new Map<string, { className: string; message: string }>();
  /** Set by main.ts. */
  onChange?: () => void;
  onSelect?: () => void;
  onNavigateKey?: (e: KeyboardEvent) => void;

  constructor(
    readonly model: GridModel,
    layout: ColumnLayout,
    readonly presenter: LedgerPresenter,
  ) {
    this.view = new GridView(layout, {
      rowCount: () => this.order.count(this.model.rowCount),
      columnCount: () => this.model.columnCount,
      fileRow: (row) => this.order.fileRow(row),
      present: (row, col) => this.present(row, col),
      epoch: () => this.model.epoch * 1_000_003 + this.selectionEpoch,
      isSelected: (row, col) => this.selection.contains(row, col),
      isActive: (row, col) =>
        this.selection.active.row === row && this.selection.active.col === col,
    });
    this.editor = new CellEditor({
      place: (cell) => ({
        container: cell.row === 0 ? this.view.head : this.view.body,
        ...this.view.cellRect(cell.row, cell.col),
      }),
      target: () => (this.model.readOnly ? null : { ...this.selection.active }),
      commit: (cell, value, move) => {
        if (value !== null) this.write([{ row: this.fileRow(cell.row), col: cell.col, value }]);
        this.moveBy(move.dRow, move.dCol, false);
      },
      cancel: () => this.selectionChanged(),
      input: (value) => {
        this.formulaBar.value = value;
      },
      navigate: (e) => this.onNavigateKey?.(e),
    });
    this.formulaBar.className = 'formula-bar';
    this.formulaBar.spellcheck = false;
    this.cellName.className = 'cell-name';
  }

  handle(message: GridToWebview): void {
    switch (message.type) {
      case 'init':
      case 'text': {
        const { text, version, readOnly, notice } = message;
        if (message.type === 'init' && message.preview) {
          // The first lines only: paint them, read-only, until the whole text arrives.
          if (this.model.previewPrefix(text, version, notice)) this.afterChange(undefined, true);
          break;
        }
        // Big file: paint the first rows now, scan the rest on the next task.
        if (text.length > PREVIEW_ABOVE_CHARS && this.model.preview(text, version, notice)) {
          this.afterChange(undefined, true);
          // After the frame that paints the preview (a task queued from rAF runs after its paint).
          requestAnimationFrame(() =>
            setTimeout(() => {
              if (this.model.version !== version || !this.model.partial) return;
              this.model.reset(text, version, readOnly, notice);
              this.afterChange(undefined, true);
            }, 0),
          );
          break;
        }
        this.model.reset(text, version, readOnly, notice);
        this.afterChange(undefined, true);
        break;
      }
      case 'update': {
        mark(perfMark.update);
        const changed = this.model.applySplices(message.splices, message.version, message.length);
        if (changed === null) {
          post({ type: 'requestText' });
          return;
        }
        this.model.readOnly = message.readOnly;
        this.model.notice = message.notice;
        this.afterChange(changed === 'many' ? undefined : changed);
        mark(perfMark.recalculated);
        break;
      }
      case 'reveal': {
        let row = this.order.displayRow(message.row);
        if (row < 0) {
          // The row is hidden by the filter: drop the view rather than fail to show it.
          this.order.clear();
          this.refreshOrder();
          row = message.row;
        }
        this.select({ row, col: message.col }, false);
        this.editor.input.focus({ preventScroll: true });
        break;
      }
      case 'revealRows': {
        // The extension checks these too, but the webview must not trust a message's shape.
        const rows = message.rows;
        const valid =
          Array.isArray(rows) &&
          rows.length > 0 &&
          rows.every(
            (row, i) =>
              Number.isSafeInteger(row) &&
              row >= 0 &&
              row < this.model.rowCount &&
              (i === 0 || row > (rows[i - 1] ?? Infinity)),
          );
        if (valid) this.revealRows(rows);
        break;
      }
      case 'problems':
        mark(perfMark.problems);
        this.problems = new Map(
          message.problems.map((p) => [
            `${p.row}:${p.col}`,
            { className: `problem-${p.severity}`, message: p.message },
          ]),
        );
        this.selectionEpoch++;
        this.view.schedule();
        break;
      default:
        break;
    }
  }

  /**
   * Selects whole rows from sorted, distinct, in-range file rows. The selection is one rectangle and
   * the filter is free text, so a scattered set cannot be shown as such: a contiguous run is selected
   * whole, anything else selects just its first row.
   */
  private revealRows(rows: readonly number[]): void {
    const first = rows[0] ?? 1;
    const last = rows[rows.length - 1] ?? first;
    const span = last - first === rows.length - 1 ? rows : [first];
    // Reduced rather than spread into Math.min: a long run would overflow the argument stack.
    const display = span.map((row) => this.order.displayRow(row));
    let from = display.reduce((a, b) => Math.min(a, b), Infinity);
    let to = display.reduce((a, b) => Math.max(a, b), -Infinity);
    if (from < 0 || to - from !== span.length - 1) {
      // Hidden by the filter or scattered by the sort: drop the view so the rows show as one block.
      this.order.clear();
      this.refreshOrder();
      from = span[0] ?? first;
      to = span[span.length - 1] ?? from;
    }
    const lastCol = Math.max(this.model.columnCount - 1, 0);
    // Anchor at the far corner so the active cell is the run's first row, where the view scrolls.
    this.selection.set({ row: to, col: lastCol });
    this.select({ row: from, col: 0 }, true);
    this.editor.input.focus({ preventScroll: true });
  }

  /** After the document changed: recalculate, re-apply the view, keep the selection, redraw. */
  afterChange(cell?: { row: number; col: number }, wholeText = false): void {
    // A new text paints before its formulas are calculated; so does a big file's structural change.
    if (cell) this.presenter.cellChanged(cell.row, cell.col);
    else this.presenter.rebuild(wholeText || this.model.rowCount > DEFER_ABOVE_ROWS);
    if (this.order.sort || this.order.filter) this.refreshOrder();
    this.selection.resize(this.view.rowCountNow(), this.model.columnCount);
    this.formulaBar.readOnly = this.model.readOnly;
    this.syncFormulaBar();
    this.view.schedule();
    this.onChange?.();
  }

  refreshOrder(): void {
    this.order.recompute(
      this.model.rowCount,
      (row, col) => this.sortKey(row, col),
      (row) => this.model.table.rowValues(row).join('\u0001'),
    );
    this.selection.resize(this.view.rowCountNow(), this.model.columnCount);
    this.selectionEpoch++;
    this.view.schedule();
  }

  fileRow(displayRow: number): number {
    return this.order.fileRow(displayRow);
  }

  /** Raw text at a display position. */
  raw(row: number, col: number): string {
    return this.model.raw(this.fileRow(row), col);
  }

  write(cells: CellWrite[]): void {
    if (this.model.readOnly || cells.length === 0) return;
    const first = cells[0];
    if (cells.length === 1 && first) post({ type: 'editCell', ...first });
    else post({ type: 'editCells', cells });
  }

  select(cell: CellRef, extend: boolean): void {
    this.selection.set(cell, extend);
    this.selectionChanged();
  }

  moveBy(dRow: number, dCol: number, extend: boolean): void {
    this.selection.moveBy(dRow, dCol, extend);
    this.selectionChanged();
  }

  selectionChanged(): void {
    this.selectionEpoch++;
    this.view.reveal(this.selection.active.row, this.selection.active.col);
    this.editor.park(this.selection.active, document.activeElement !== this.formulaBar);
    this.syncFormulaBar();
    this.onSelect?.();
  }

  /** F2 / double-click: edit the raw text of the active cell. */
  startEdit(): void {
    if (this.model.readOnly) return;
    const cell = { ...this.selection.active };
    this.view.reveal(cell.row, cell.col);
    this.editor.open(cell, this.raw(cell.row, cell.col));
  }

  syncFormulaBar(): void {
    const { row, col } = this.selection.active;
    if (document.activeElement !== this.formulaBar) this.formulaBar.value = this.raw(row, col);
    this.cellName.textContent = `${columnLetters(col)}${this.fileRow(row) + 1}`;
  }

  private present(displayRow: number, col: number): ReturnType<LedgerPresenter['present']> {
    const row = this.fileRow(displayRow);
    const shown = this.presenter.present(this.model, row, col);
    const problem = this.problems.get(`${row}:${col}`);
    if (!problem) return shown;
    return {
      text: shown.text,
      className: `${shown.className} ${problem.className}`.trim(),
      title: shown.title ? `${shown.title}\n${problem.message}` : problem.message,
    };
  }

  private sortKey(row: number, col: number): CellKey {
    const fen = this.presenter.fen(row, col);
    if (fen !== null) return { kind: 'number', value: fen };
    const v = this.presenter.value(row, col);
    if (v.kind === 'number') return { kind: 'number', value: Number(v.value) };
    return { kind: 'text', value: v.kind === 'text' ? v.value : v.kind === 'error' ? v.code : '' };
  }
}
