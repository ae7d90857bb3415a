import type { CellType, SheetSource } from './types';

/**
 * A SheetSource over a string grid (row 0 = header), for tests, the bench and simple callers.
 * Column types come from `types`; ids are read from `idColumn`; `totalRows` marks 合计/小计 rows.
 */
export class ArraySheet implements SheetSource {
  private ids = new Map<string, number>();

  constructor(
    readonly cells: string[][],
    private readonly types: readonly CellType[],
    private readonly idColumn = 0,
    private readonly totalRows: ReadonlySet<number> = new Set(),
    private readonly aliases: Readonly<Record<string, number>> = {},
  ) {
    this.reindex();
  }

  get rowCount(): number {
    return this.cells.length;
  }
  get colCount(): number {
    return this.types.length;
  }
  raw(row: number, col: number): string {
    return this.cells[row]?.[col] ?? '';
  }
  cellType(_row: number, col: number): CellType {
    return this.types[col] ?? 'text';
  }
  columnIndex(name: string): number | undefined {
    if (Object.hasOwn(this.aliases, name)) return this.aliases[name];
    const i = (this.cells[0] ?? []).indexOf(name);
    return i < 0 ? undefined : i;
  }
  rowIndex(id: string): number | undefined {
    return this.ids.get(id);
  }
  isTotalRow(row: number): boolean {
    return this.totalRows.has(row);
  }

  /** Writes a cell and keeps the id index current, as a real sheet model would before calling the engine. */
  set(row: number, col: number, raw: string): void {
    const r = this.cells[row] ?? (this.cells[row] = []);
    r[col] = raw;
    if (col === this.idColumn) this.reindex();
  }

  reindex(): void {
    this.ids.clear();
    for (let r = 1; r < this.cells.length; r++) {
      const id = this.cells[r]?.[this.idColumn]?.trim();
      if (id && !this.ids.has(id)) this.ids.set(id, r);
    }
  }
}
