// The formula engine's view of the grid's document mirror. The rules are the core's, not the grid's
// own: a ledger is read through LedgerSheet, the same rules as the CLI and the chart (units per column
// or per 单位 cell, kinds by their Chinese names, free text read as empty), so a formula gives the
// same fen everywhere; any other CSV through PlainSheet, where every column holds numbers or formulas.
import type { CellType, SheetSource } from '../../core/formula/types';
import { formulaSheet, type FormulaSheet } from '../../core/ledger/formula-sheet';
import { MONEY_ROLES } from '../../core/ledger/schema';
import { LedgerSheet, type RawCells } from '../../core/ledger/sheet';
import type { Unit } from '../../core/money/units';
import type { GridModel } from './gridModel';

export class GridSheet implements SheetSource {
  private readonly cells: RawCells;
  private inner: FormulaSheet;

  constructor(model: GridModel) {
    this.cells = {
      get rowCount() {
        return model.rowCount;
      },
      // As wide as the widest row, so formulas past the header's last column are seen too.
      get colCount() {
        return model.columnCount;
      },
      raw: (row, col) => model.raw(row, col),
    };
    this.inner = formulaSheet(this.cells);
  }

  /** Re-reads the header and the ids; after any structural change. */
  refresh(): void {
    this.inner = formulaSheet(this.cells);
  }

  /** After an edit in the id column. */
  reindexIds(): void {
    this.inner.refresh();
  }

  /** The core sheet itself, for the engine (one call less per cell read); replaced by `refresh`. */
  get source(): FormulaSheet {
    return this.inner;
  }

  /** True when the header names a ledger (it has an amount column). */
  get isLedger(): boolean {
    return this.inner instanceof LedgerSheet;
  }

  get rowCount(): number {
    return this.inner.rowCount;
  }

  get colCount(): number {
    return this.inner.colCount;
  }

  raw(row: number, col: number): string {
    return this.inner.raw(row, col);
  }

  cellType(row: number, col: number): CellType {
    return this.inner.cellType(row, col);
  }

  /** The unit an amount cell is in (its column's, else its row's 单位, else 元), or null for other cells. */
  amountUnit(row: number, col: number): Unit | null {
    const sheet = this.inner;
    if (!(sheet instanceof LedgerSheet)) return null;
    const role = sheet.schema.headers[col]?.role;
    return role && role !== 'extra' && MONEY_ROLES.has(role) ? sheet.moneyUnit(row, col) : null;
  }

  columnIndex(name: string): number | undefined {
    return this.inner.columnIndex(name);
  }

  rowIndex(id: string): number | undefined {
    return this.inner.rowIndex(id);
  }

  isTotalRow(row: number): boolean {
    return this.inner.isTotalRow(row);
  }

  get idColumn(): number {
    const sheet = this.inner;
    return sheet instanceof LedgerSheet ? (sheet.schema.columns.get('id') ?? -1) : sheet.idColumn;
  }
}
