// Which formula view a file gets, the same in the grid and in Sort File By…: a ledger (a header with
// an amount column) gets LedgerSheet, whose rules the CLI and the chart share (FactsSheet); any other
// CSV opened in the grid is a plain sheet where every column holds numbers or formulas.
import type { CellType, SheetSource } from '../formula/types';
import { parseKind, resolveSchema, normalizeName } from './schema';
import { LedgerSheet, type RawCells } from './sheet';

export class PlainSheet implements SheetSource {
  private names = new Map<string, number>();
  private ids = new Map<string, number>();
  private idCol = -1;
  private kindCol = -1;

  constructor(private readonly cells: RawCells) {
    this.refresh();
  }

  refresh(): void {
    const header = Array.from(
      { length: this.cells.rowCount > 0 ? this.cells.colCount : 0 },
      (_, c) => this.cells.raw(0, c),
    );
    const schema = resolveSchema(header);
    this.idCol = schema.columns.get('id') ?? -1;
    this.kindCol = schema.columns.get('kind') ?? -1;
    this.names.clear();
    header.forEach((h, col) => {
      const n = normalizeName(h);
      if (!this.names.has(n)) this.names.set(n, col);
    });
    this.ids.clear();
    if (this.idCol < 0) return;
    for (let r = 1; r < this.cells.rowCount; r++) {
      const id = this.cells.raw(r, this.idCol).trim();
      if (id && !this.ids.has(id)) this.ids.set(id, r);
    }
  }

  get idColumn(): number {
    return this.idCol;
  }

  get rowCount(): number {
    return this.cells.rowCount;
  }

  get colCount(): number {
    return this.cells.colCount;
  }

  raw(row: number, col: number): string {
    return this.cells.raw(row, col);
  }

  cellType(): CellType {
    return 'number';
  }

  columnIndex(name: string): number | undefined {
    return this.names.get(normalizeName(name));
  }

  rowIndex(id: string): number | undefined {
    return this.ids.get(id.trim());
  }

  isTotalRow(row: number): boolean {
    if (this.kindCol < 0) return false;
    const k = parseKind(this.cells.raw(row, this.kindCol));
    return k === 'subtotal' || k === 'total';
  }
}

export type FormulaSheet = LedgerSheet | PlainSheet;

/** The header names a ledger when it has an amount column (as the grid has always decided). */
export function formulaSheet(cells: RawCells): FormulaSheet {
  const header = Array.from({ length: cells.rowCount > 0 ? cells.colCount : 0 }, (_, c) =>
    cells.raw(0, c),
  );
  return resolveSchema(header).columns.has('amount')
    ? new LedgerSheet(cells)
    : new PlainSheet(cells);
}

/** Whether the engine evaluates this cell as a formula (in text columns `=…` stays text). */
export function isFormulaCell(sheet: SheetSource, row: number, col: number): boolean {
  return sheet.raw(row, col).charCodeAt(0) === 61 && sheet.cellType(row, col) !== 'text';
}
