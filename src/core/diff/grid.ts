import type { CsvTable } from '../csv/scan';

/**
 * What the diff and merge read from a ledger. Row 0 is the header. `rowText` is only used as a fast
 * equality filter: two rows with the same text have the same values, so only rows whose text differs
 * are ever split into cells (that is what keeps a 100k-row diff well under a second).
 */
export interface Grid {
  readonly rowCount: number;
  rowText(row: number): string;
  cellCount(row: number): number;
  /** Unescaped value; '' past the row's end. */
  cell(row: number, col: number): string;
}

/** A grid over a scanned CSV table; values are decoded lazily by the scanner. */
export function gridFromTable(table: CsvTable): Grid {
  return {
    rowCount: table.rowCount,
    rowText: (row) => table.text.slice(table.rowStart(row), table.rowEnd(row)),
    cellCount: (row) => table.cellCount(row),
    cell: (row, col) => table.cellValue(row, col),
  };
}

/** A grid over plain values (tests, webviews); JSON keeps the row text unambiguous. */
export function gridFromCells(cells: readonly (readonly string[])[]): Grid {
  const texts = cells.map((r) => JSON.stringify(r));
  return {
    rowCount: cells.length,
    rowText: (row) => texts[row] ?? '',
    cellCount: (row) => cells[row]?.length ?? 0,
    cell: (row, col) => cells[row]?.[col] ?? '',
  };
}

/** The header cells of a grid (empty for an empty file). */
export function headerOf(grid: Grid): string[] {
  if (grid.rowCount === 0) return [];
  const out: string[] = [];
  for (let c = 0; c < grid.cellCount(0); c++) out.push(grid.cell(0, c));
  return out;
}
