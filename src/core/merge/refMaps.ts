import type { CsvTable } from '../csv';
import type { ResultColumn } from './columnPlan';
import type { RefMap } from './formulaRefs';
import type { ResultRow } from './rowPlan';

type Side = 'base' | 'ours' | 'theirs';

/** For each input, where its rows and columns landed in the merged file. */
export interface RefMaps {
  readonly base: RefMap;
  readonly ours: RefMap;
  readonly theirs: RefMap;
  /** The side's rows and columns all kept their numbers: its formulas need no rewriting. */
  readonly identity: Readonly<Record<Side, boolean>>;
}

export function buildRefMaps(
  rows: readonly ResultRow[],
  cols: readonly ResultColumn[],
  tables: Readonly<Record<Side, CsvTable>>,
): RefMaps {
  const one = (side: Side): { map: RefMap; identity: boolean } => {
    const table = tables[side];
    const rowMap = new Int32Array(table.rowCount).fill(-1);
    rows.forEach((r, i) => {
      if (r[side] >= 0) rowMap[r[side]] = i;
    });
    const width = table.rowCount > 0 ? table.cellCount(0) : 0;
    const colMap = new Int32Array(width).fill(-1);
    cols.forEach((c, k) => {
      if (c[side] >= 0) colMap[c[side]] = k;
    });
    const identity =
      rows.length === table.rowCount &&
      cols.length === width &&
      rowMap.every((v, i) => v === i) &&
      colMap.every((v, i) => v === i);
    const through = (m: Int32Array, total: number) => (x: number) => {
      if (x >= m.length) return x - m.length + total;
      const v = m[x] as number;
      return v >= 0 ? v : undefined;
    };
    return {
      map: { row: through(rowMap, rows.length), col: through(colMap, cols.length) },
      identity,
    };
  };
  const b = one('base');
  const o = one('ours');
  const t = one('theirs');
  return {
    base: b.map,
    ours: o.map,
    theirs: t.map,
    identity: { base: b.identity, ours: o.identity, theirs: t.identity },
  };
}
