// Sort and filter are views: they map display rows to file rows and never touch the document.
// Display row 0 is always the header (file row 0). Pure, so it is unit-tested.

export interface SortKey {
  col: number;
  descending: boolean;
}

/** A comparable key per cell: exact numbers compare as numbers, everything else as text. */
export type CellKey = { kind: 'number'; value: bigint | number } | { kind: 'text'; value: string };

export class RowOrder {
  /** File rows in display order (header excluded), or null for the file's own order. */
  private order: Int32Array | null = null;
  sort: SortKey | null = null;
  filter = '';

  get active(): boolean {
    return this.order !== null;
  }

  /** Number of display rows, header included. */
  count(fileRows: number): number {
    return this.order ? this.order.length + 1 : fileRows;
  }

  fileRow(displayRow: number): number {
    if (!this.order || displayRow === 0) return displayRow;
    return this.order[displayRow - 1] ?? -1;
  }

  displayRow(fileRow: number): number {
    if (!this.order || fileRow === 0) return fileRow;
    const i = this.order.indexOf(fileRow);
    return i < 0 ? -1 : i + 1;
  }

  clear(): void {
    this.order = null;
    this.sort = null;
    this.filter = '';
  }

  /** Recomputes the order for the current sort and filter (after any document change). */
  recompute(
    fileRows: number,
    key: (row: number, col: number) => CellKey,
    text: (row: number) => string,
  ): void {
    if (!this.sort && !this.filter) {
      this.order = null;
      return;
    }
    const needle = this.filter.toLocaleLowerCase();
    const rows: number[] = [];
    for (let row = 1; row < fileRows; row++) {
      if (!needle || text(row).toLocaleLowerCase().includes(needle)) rows.push(row);
    }
    const sort = this.sort;
    if (sort) {
      const keys = new Map<number, CellKey>();
      for (const row of rows) keys.set(row, key(row, sort.col));
      const sign = sort.descending ? -1 : 1;
      // Array.prototype.sort is stable, so equal keys keep the file's order.
      rows.sort((a, b) => sign * compareKeys(keys.get(a), keys.get(b)));
    }
    this.order = Int32Array.from(rows);
  }
}

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });

/** Numbers before text, empty text last. */
export function compareKeys(a: CellKey | undefined, b: CellKey | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.kind === 'number' && b.kind === 'number') {
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if (a.kind === 'number') return -1;
  if (b.kind === 'number') return 1;
  if (a.value === '' || b.value === '') return a.value === '' ? (b.value === '' ? 0 : 1) : -1;
  return collator.compare(a.value, b.value);
}
