// The formula engine's view of a ledger held as raw cells (the grid's mirror, LedgerSession). Same
// rules as FactsSheet, which serves the streaming CLI from the typed row store, so a formula gives
// the same fen in the grid, the chart and the CLI (docs/ledger-format.md "Formulas").
import type { CellType, SheetSource } from '../formula/types';
import { parseUnitName, type Unit } from '../money/units';
import {
  kindLabel,
  normalizeName,
  parseKind,
  resolveHeader,
  resolveSchema,
  type ColumnRole,
  type LedgerSchema,
} from './schema';

/** Plain numbers in free columns (人数, 比例) are visible to formulas; other free text is not. */
export const FREE_NUMBER = /^-?\d+(?:\.\d+)?%?$/;

export interface RawCells {
  readonly rowCount: number;
  readonly colCount: number;
  /** The unescaped cell value ('' past the end of a row). */
  raw(row: number, col: number): string;
}

export class LedgerSheet implements SheetSource {
  schema: LedgerSchema;
  private roles: (ColumnRole | 'extra')[] = [];
  private names = new Map<string, number>();
  private ids = new Map<string, number>();

  constructor(private readonly cells: RawCells) {
    this.schema = resolveSchema([]);
    this.refresh();
  }

  /** Re-reads the header and the id index; call after structural changes or an id edit. */
  refresh(): void {
    const header = Array.from(
      { length: this.cells.rowCount > 0 ? this.cells.colCount : 0 },
      (_, c) => this.cells.raw(0, c),
    );
    this.schema = resolveSchema(header);
    this.roles = this.schema.headers.map((h) => h.role);
    this.names.clear();
    this.schema.headers.forEach((h, col) => {
      const n = normalizeName(h.header);
      if (!this.names.has(n)) this.names.set(n, col);
    });
    this.ids.clear();
    const idCol = this.schema.columns.get('id');
    if (idCol === undefined) return;
    for (let r = 1; r < this.cells.rowCount; r++) {
      const id = this.cells.raw(r, idCol).trim();
      if (id && !this.ids.has(id)) this.ids.set(id, r);
    }
  }

  get rowCount(): number {
    return this.cells.rowCount;
  }

  get colCount(): number {
    return this.cells.colCount;
  }

  raw(row: number, col: number): string {
    const v = this.cells.raw(row, col);
    switch (this.roles[col]) {
      case 'amount':
      case 'max':
      case 'date':
      case 'unit':
      case 'period':
        return v;
      case 'id':
      case 'fund':
      case 'category':
        return v.trim();
      case 'kind': {
        const k = parseKind(v);
        return k ? kindLabel(k, 'zh') : '';
      }
      default:
        return FREE_NUMBER.test(v) ? v : '';
    }
  }

  cellType(row: number, col: number): CellType {
    const role = this.roles[col];
    if (role === 'amount' || role === 'max') return this.moneyUnit(row, col);
    if (role === 'extra' || role === 'description' || role === 'note')
      return FREE_NUMBER.test(this.cells.raw(row, col)) ? 'number' : 'text';
    return 'text';
  }

  /** Header unit, else the row's 单位 cell, else 元. */
  moneyUnit(row: number, col: number): Unit {
    const header = this.schema.headers[col]?.unit;
    if (header) return header;
    const unitCol = this.schema.columns.get('unit');
    return (
      (unitCol !== undefined ? parseUnitName(this.cells.raw(row, unitCol)) : undefined) ?? '元'
    );
  }

  columnIndex(name: string): number | undefined {
    const exact = this.names.get(normalizeName(name));
    if (exact !== undefined) return exact;
    const role = resolveHeader(name).role;
    return role === 'extra' ? undefined : this.schema.columns.get(role);
  }

  rowIndex(id: string): number | undefined {
    return this.ids.get(id.trim());
  }

  isTotalRow(row: number): boolean {
    const kindCol = this.schema.columns.get('kind');
    if (kindCol === undefined) return false;
    const k = parseKind(this.cells.raw(row, kindCol));
    return k === 'subtotal' || k === 'total';
  }
}
