// Wires the grid together: the mirror of the document, the selection, the view, the in-cell editor and
// the formula bar. User intents go to the extension as messages; nothing here edits the text itself.
import type { CellWrite, GridToWebview } from '../../shared/protocol';
import { CellEditor } from './cellEditor';
import { GridModel } from './gridModel';
import { GridView, type CellPresentation } from './gridView';
import { ColumnLayout, columnLetters } from './layout';
import { Selection, type CellRef } from './selection';
import { post } from './vscodeApi';

export interface Presenter {
  present(model: GridModel, row: number, col: number): CellPresentation;
}

export class GridController {
  readonly model = new GridModel();
  readonly selection = new Selection(0, 0);
  readonly view: GridView;
  readonly editor: CellEditor;
  readonly formulaBar = document.createElement('input');
  readonly cellName = document.createElement('span');
  private selectionEpoch = 0;

  constructor(
    layout: ColumnLayout,
    private readonly presenter: Presenter,
  ) {
    this.view = new GridView(layout, {
      rowCount: () => this.model.rowCount,
      columnCount: () => this.model.columnCount,
      present: (row, col) => this.presenter.present(this.model, row, col),
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
        if (value !== null) this.write([{ row: cell.row, col: cell.col, value }]);
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
      case 'text':
        this.model.reset(message.text, message.version, message.readOnly, message.notice);
        this.afterChange();
        break;
      case 'update':
        if (!this.model.applySplices(message.splices, message.version, message.length)) {
          post({ type: 'requestText' });
          return;
        }
        this.model.readOnly = message.readOnly;
        this.model.notice = message.notice;
        this.afterChange();
        break;
      case 'reveal':
        this.select({ row: message.row, col: message.col }, false);
        break;
      default:
        break;
    }
  }

  /** Called after the document changed: keep the selection on the same coordinates, redraw. */
  afterChange(): void {
    this.selection.resize(this.model.rowCount, this.model.columnCount);
    this.formulaBar.readOnly = this.model.readOnly;
    this.syncFormulaBar();
    this.view.schedule();
    this.onChange?.();
  }

  /** Set by main.ts to refresh toolbar, notice, status. */
  onChange?: () => void;
  onSelect?: () => void;

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
    this.editor.open(cell, this.model.raw(cell.row, cell.col));
  }

  /** Set by main.ts: keys while navigating. */
  onNavigateKey?: (e: KeyboardEvent) => void;

  syncFormulaBar(): void {
    const { row, col } = this.selection.active;
    if (document.activeElement !== this.formulaBar)
      this.formulaBar.value = this.model.raw(row, col);
    this.cellName.textContent = `${columnLetters(col)}${row + 1}`;
  }
}
