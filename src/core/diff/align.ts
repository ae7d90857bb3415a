import { resolveSchema } from '../ledger/schema';
import {
  isIdentityMapping,
  matchColumnsByName,
  matchRenamedColumns,
  type ColumnMapping,
} from './columns';
import { headerOf, type Grid } from './grid';
import { matchRows, type RowMatching } from './rows';

/** How two versions of a ledger line up: the basis of both the diff and the three-way merge. */
export interface Alignment {
  readonly oldGrid: Grid;
  readonly newGrid: Grid;
  readonly oldHeader: readonly string[];
  readonly newHeader: readonly string[];
  readonly columns: ColumnMapping;
  /** True when both files have the same columns in the same order (row text then decides equality). */
  readonly sameLayout: boolean;
  readonly rows: RowMatching;
  /** 'id' when both files have an id column (编号); otherwise rows were matched by content. */
  readonly matchedBy: 'id' | 'content';
  readonly oldIdCol: number;
  readonly newIdCol: number;
}

export function alignGrids(oldGrid: Grid, newGrid: Grid): Alignment {
  const oldHeader = headerOf(oldGrid);
  const newHeader = headerOf(newGrid);
  const columns = matchColumnsByName(oldHeader, newHeader);
  const oldIdCol = resolveSchema(oldHeader).columns.get('id') ?? -1;
  const newIdCol = resolveSchema(newHeader).columns.get('id') ?? -1;
  const byId = oldIdCol >= 0 && newIdCol >= 0;
  const sameLayout = isIdentityMapping(columns) && sameHeaderText(oldHeader, newHeader);

  // Columns both files share, as (old, new) pairs: keys and similarity look only at these.
  const shared: [number, number][] = [];
  columns.newToOld.forEach((o, n) => {
    if (o >= 0) shared.push([o, n]);
  });
  const keyOf = (grid: Grid, side: 0 | 1) => (row: number) => {
    if (sameLayout) return grid.rowText(row);
    return JSON.stringify(shared.map((p) => grid.cell(row, p[side])));
  };
  const id = (grid: Grid, col: number) =>
    byId ? (row: number) => grid.cell(row, col).trim() : () => '';

  const rows = matchRows({
    oldCount: oldGrid.rowCount,
    newCount: newGrid.rowCount,
    oldId: id(oldGrid, oldIdCol),
    newId: id(newGrid, newIdCol),
    oldKey: keyOf(oldGrid, 0),
    newKey: keyOf(newGrid, 1),
    similarity: (o, n) => {
      if (shared.length === 0) return 0;
      let same = 0;
      for (const [oc, nc] of shared) if (oldGrid.cell(o, oc) === newGrid.cell(n, nc)) same++;
      return same / shared.length;
    },
  });

  if (!sameLayout) {
    const pairs: [number, number][] = [];
    for (let o = 1; o < rows.oldToNew.length; o++) {
      const n = rows.oldToNew[o] as number;
      if (n > 0) pairs.push([o, n]);
    }
    matchRenamedColumns(
      columns,
      pairs,
      (r, c) => oldGrid.cell(r, c),
      (r, c) => newGrid.cell(r, c),
    );
  }
  return {
    oldGrid,
    newGrid,
    oldHeader,
    newHeader,
    columns,
    sameLayout,
    rows,
    matchedBy: byId ? 'id' : 'content',
    oldIdCol,
    newIdCol,
  };
}

function sameHeaderText(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** Values of a row in one grid, in the column order of the grid's own header (or wider rows). */
export function rowValues(grid: Grid, row: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < grid.cellCount(row); c++) out.push(grid.cell(row, c));
  return out;
}
