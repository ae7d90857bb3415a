// The formula engine's view of the grid's document mirror: raw text by cell, column types from the
// ledger schema (amount columns in their declared unit), ids for `{ID}` references, total rows.
import type { CellType, SheetSource } from '../../core/formula/types';
import {
  MONEY_ROLES,
  normalizeName,
  parseKind,
  resolveSchema,
  ROLE_ALIASES,
  type LedgerSchema,
} from '../../core/ledger/schema';
import type { GridModel } from './gridModel';

export class GridSheet implements SheetSource {
  schema: LedgerSchema = resolveSchema([]);
  private types: CellType[] = [];
  private names = new Map<string, number>();
  private ids = new Map<string, number>();
  private idCol = -1;
  private kindCol = -1;
  /** True when the header names a ledger; otherwise every column is a plain number/text column. */
  isLedger = false;

  constructor(private readonly model: GridModel) {}

  /** Re-reads the header and the id column; after any structural change. */
  refresh(): void {
    const header = this.model.rowCount > 0 ? this.model.table.rowValues(0) : [];
    this.schema = resolveSchema(header);
    this.isLedger = this.schema.columns.has('amount');
    this.idCol = this.schema.columns.get('id') ?? -1;
    this.kindCol = this.schema.columns.get('kind') ?? -1;
    this.types = [];
    this.names.clear();
    for (let col = 0; col < this.model.columnCount; col++) {
      const info = this.schema.headers[col];
      let type: CellType = 'number';
      if (info && info.role !== 'extra') {
        type = MONEY_ROLES.has(info.role) ? (info.unit ?? '元') : 'text';
      }
      this.types.push(type);
      if (info) {
        const name = normalizeName(info.header);
        if (name && !this.names.has(name)) this.names.set(name, col);
      }
    }
    for (const [role, col] of this.schema.columns) {
      for (const alias of ROLE_ALIASES.get(role) ?? []) {
        const name = normalizeName(alias);
        if (!this.names.has(name)) this.names.set(name, col);
      }
    }
    this.reindexIds();
  }

  reindexIds(): void {
    this.ids.clear();
    if (this.idCol < 0) return;
    for (let row = 1; row < this.model.rowCount; row++) {
      const id = this.model.raw(row, this.idCol).trim();
      if (id && !this.ids.has(id)) this.ids.set(id, row);
    }
  }

  get rowCount(): number {
    return this.model.rowCount;
  }

  get colCount(): number {
    return this.model.columnCount;
  }

  raw(row: number, col: number): string {
    return this.model.raw(row, col);
  }

  cellType(_row: number, col: number): CellType {
    return this.types[col] ?? 'number';
  }

  /** The declared unit of an amount column, or null for other columns. */
  amountUnit(col: number): '元' | '万元' | '亿元' | null {
    const t = this.types[col];
    return t === '元' || t === '万元' || t === '亿元' ? t : null;
  }

  columnIndex(name: string): number | undefined {
    return this.names.get(normalizeName(name));
  }

  rowIndex(id: string): number | undefined {
    return this.ids.get(id.trim());
  }

  isTotalRow(row: number): boolean {
    if (this.kindCol < 0) return false;
    const kind = parseKind(this.model.raw(row, this.kindCol));
    return kind === 'total' || kind === 'subtotal';
  }

  get idColumn(): number {
    return this.idCol;
  }

  /** Every id in the file, for new stable row ids that collide with none. */
  idSet(): Set<string> {
    return new Set(this.ids.keys());
  }
}
