import { alignGrids, rowValues, type Alignment } from './align';
import type { Grid } from './grid';
import { longestIncreasing } from './sequence';
import { movedRows } from './rows';

export interface ColumnChange {
  readonly kind: 'added' | 'removed' | 'renamed' | 'moved';
  /** 0-based columns; absent on the side the column does not exist. */
  readonly oldCol?: number;
  readonly newCol?: number;
  readonly oldName?: string;
  readonly newName?: string;
}

export interface CellChange {
  readonly oldCol: number;
  readonly newCol: number;
  /** Header of the column in the new file. */
  readonly column: string;
  readonly old: string;
  readonly new: string;
}

export interface RowChange {
  readonly kind: 'changed' | 'added' | 'removed' | 'moved';
  /** 0-based file rows (row 0 is the header); absent on the side the row does not exist. */
  readonly oldRow?: number;
  readonly newRow?: number;
  /** The row's id (编号), or '' without one. */
  readonly id: string;
  /** A changed or moved row was also reordered relative to its neighbours. */
  readonly moved: boolean;
  /** Changed cells (kind 'changed', possibly also for 'moved'). */
  readonly cells: readonly CellChange[];
  /** The whole row: the new values, or the old ones for a removed row. */
  readonly values?: readonly string[];
}

export interface DiffStats {
  readonly unchanged: number;
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  readonly moved: number;
  readonly cellsChanged: number;
}

/** A cell-level difference of two ledgers; plain data, safe to JSON-serialise or post to a webview. */
export interface LedgerDiff {
  readonly matchedBy: 'id' | 'content';
  readonly oldHeader: readonly string[];
  readonly newHeader: readonly string[];
  readonly columns: readonly ColumnChange[];
  /** Only rows that differ, in the order of the new file; removed rows follow their old predecessor. */
  readonly rows: readonly RowChange[];
  readonly stats: DiffStats;
}

export function diffGrids(oldGrid: Grid, newGrid: Grid): LedgerDiff {
  return diffAlignment(alignGrids(oldGrid, newGrid));
}

export function diffAlignment(a: Alignment): LedgerDiff {
  const { oldGrid, newGrid } = a;
  const moved = movedRows(a.rows);
  const placed: { pos: number; tie: number; change: RowChange }[] = [];
  let unchanged = 0;
  let cellsChanged = 0;
  const counts = { changed: 0, added: 0, removed: 0, moved: 0 };

  for (let n = 1; n < newGrid.rowCount; n++) {
    const o = a.rows.newToOld[n] as number;
    if (o < 0) {
      counts.added++;
      const values = rowValues(newGrid, n);
      placed.push({ pos: n, tie: 0, change: row('added', n, undefined, a, values) });
      continue;
    }
    const cells = changedCells(a, o, n);
    const isMoved = moved.has(n);
    if (cells.length === 0 && !isMoved) {
      unchanged++;
      continue;
    }
    cellsChanged += cells.length;
    if (cells.length > 0) counts.changed++;
    if (isMoved) counts.moved++;
    const kind = cells.length > 0 ? 'changed' : 'moved';
    const values = rowValues(newGrid, n);
    placed.push({
      pos: n,
      tie: 0,
      change: { ...row(kind, n, o, a, values), moved: isMoved, cells },
    });
  }

  // A removed row sits just after the new position of the nearest kept row above it.
  let anchor = 0;
  for (let o = 1; o < oldGrid.rowCount; o++) {
    const n = a.rows.oldToNew[o] as number;
    if (n >= 0) {
      anchor = n;
      continue;
    }
    counts.removed++;
    const values = rowValues(oldGrid, o);
    placed.push({ pos: anchor + 0.5, tie: o, change: row('removed', undefined, o, a, values) });
  }
  placed.sort((x, y) => x.pos - y.pos || x.tie - y.tie);

  return {
    matchedBy: a.matchedBy,
    oldHeader: a.oldHeader,
    newHeader: a.newHeader,
    columns: columnChanges(a),
    rows: placed.map((p) => p.change),
    stats: { unchanged, ...counts, cellsChanged },
  };
}

function row(
  kind: RowChange['kind'],
  newRow: number | undefined,
  oldRow: number | undefined,
  a: Alignment,
  values?: string[],
): RowChange {
  const id =
    newRow !== undefined && a.newIdCol >= 0
      ? a.newGrid.cell(newRow, a.newIdCol)
      : oldRow !== undefined && a.oldIdCol >= 0
        ? a.oldGrid.cell(oldRow, a.oldIdCol)
        : '';
  return {
    kind,
    ...(oldRow !== undefined ? { oldRow } : {}),
    ...(newRow !== undefined ? { newRow } : {}),
    id,
    moved: false,
    cells: [],
    ...(values ? { values } : {}),
  };
}

/** Cells of a matched row pair whose values differ, in new-column order. */
export function changedCells(a: Alignment, o: number, n: number): CellChange[] {
  const { oldGrid, newGrid } = a;
  if (a.sameLayout && oldGrid.rowText(o) === newGrid.rowText(n)) return [];
  const out: CellChange[] = [];
  const width = a.sameLayout
    ? Math.max(oldGrid.cellCount(o), newGrid.cellCount(n), a.newHeader.length)
    : a.newHeader.length;
  for (let nc = 0; nc < width; nc++) {
    const oc = a.sameLayout ? nc : (a.columns.newToOld[nc] ?? -1);
    if (oc < 0) continue;
    const before = oldGrid.cell(o, oc);
    const after = newGrid.cell(n, nc);
    if (before !== after)
      out.push({ oldCol: oc, newCol: nc, column: a.newHeader[nc] ?? '', old: before, new: after });
  }
  return out;
}

function columnChanges(a: Alignment): ColumnChange[] {
  const out: ColumnChange[] = [];
  const { oldToNew, newToOld } = a.columns;
  oldToNew.forEach((n, o) => {
    if (n < 0) out.push({ kind: 'removed', oldCol: o, oldName: a.oldHeader[o] ?? '' });
  });
  newToOld.forEach((o, n) => {
    if (o < 0) out.push({ kind: 'added', newCol: n, newName: a.newHeader[n] ?? '' });
  });
  const olds: number[] = [];
  oldToNew.forEach((n, o) => {
    if (n >= 0) olds.push(o);
  });
  const inOrder = new Set(longestIncreasing(olds.map((o) => oldToNew[o] as number)));
  olds.forEach((o, k) => {
    const n = oldToNew[o] as number;
    const oldName = a.oldHeader[o] ?? '';
    const newName = a.newHeader[n] ?? '';
    const names = { oldCol: o, newCol: n, oldName, newName };
    if (oldName !== newName) out.push({ kind: 'renamed', ...names });
    if (!inOrder.has(k)) out.push({ kind: 'moved', ...names });
  });
  return out;
}
