import type { CsvTable } from '../csv/scan';

/**
 * The row being read, reused for every row so reading a million rows allocates no closures:
 * values and file offsets of its cells, with a missing cell (short row, absent column) read as
 * '' located at the row's end.
 */
export class RowCursor {
  private table: CsvTable | undefined;
  private base = 0;
  private i = 0;
  n = 0;

  at(table: CsvTable, base: number, i: number): this {
    this.table = table;
    this.base = base;
    this.i = i;
    this.n = table.cellCount(i);
    return this;
  }

  value(c: number): string {
    return c >= 0 && c < this.n ? (this.table as CsvTable).cellValue(this.i, c) : '';
  }

  start(c: number): number {
    const t = this.table as CsvTable;
    return this.base + (c >= 0 && c < this.n ? t.cellStart(this.i, c) : t.rowEnd(this.i));
  }

  end(c: number): number {
    const t = this.table as CsvTable;
    return this.base + (c >= 0 && c < this.n ? t.cellEnd(this.i, c) : t.rowEnd(this.i));
  }
}
