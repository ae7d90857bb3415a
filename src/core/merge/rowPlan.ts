import { rowValues, type Alignment } from '../diff/align';
import { changedCells } from '../diff/diff';

/** One row of the merge result and where it comes from in each input (-1: not there). */
export interface ResultRow {
  readonly base: number;
  readonly ours: number;
  readonly theirs: number;
  /** Kept although this side deleted it, because the other side edited it: a conflict. */
  readonly deletedBy?: 'ours' | 'theirs';
}

/**
 * Result rows in ours' order. Rows deleted on one side and unchanged on the other are dropped.
 * Rows theirs inserted go after their nearest preceding row that ours also has, after any rows ours
 * inserted at that same place (so both sides' inserts are kept, ours' first). Rows both sides added
 * with the same id (or, without ids, the same values) become one row.
 */
export function planRows(aO: Alignment, aT: Alignment): ResultRow[] {
  const ours = aO.newGrid;
  const theirs = aT.newGrid;
  const byId = aO.matchedBy === 'id' && aT.matchedBy === 'id';
  const sameValues = aO.sameLayout && aT.sameLayout;
  const keyOf = (a: Alignment, row: number): string =>
    byId
      ? a.newGrid.cell(row, a.newIdCol).trim()
      : sameValues
        ? JSON.stringify(rowValues(a.newGrid, row))
        : '';

  const theirsAdded = new Map<string, number[]>();
  for (let t = theirs.rowCount - 1; t >= 1; t--) {
    if ((aT.rows.newToOld[t] as number) >= 0) continue;
    const k = keyOf(aT, t);
    if (k === '') continue;
    const list = theirsAdded.get(k);
    if (list) list.push(t);
    else theirsAdded.set(k, [t]);
  }
  const theirsToOurs = new Int32Array(theirs.rowCount).fill(-1);
  const oursRows: (ResultRow | undefined)[] = [];
  for (let o = 0; o < ours.rowCount; o++) {
    const b = aO.rows.newToOld[o] as number;
    if (b < 0) {
      const t = theirsAdded.get(keyOf(aO, o))?.pop() ?? -1;
      if (t >= 0) theirsToOurs[t] = o;
      oursRows.push({ base: -1, ours: o, theirs: t });
      continue;
    }
    const t = aT.rows.oldToNew[b] as number;
    if (t >= 0) {
      theirsToOurs[t] = o;
      oursRows.push({ base: b, ours: o, theirs: t });
    } else if (changedCells(aO, b, o).length === 0) oursRows.push(undefined);
    else oursRows.push({ base: b, ours: o, theirs: -1, deletedBy: 'theirs' });
  }

  // Rows only theirs has, grouped by the ours row they follow.
  const inserts = new Map<number, ResultRow[]>();
  let anchor = 0;
  for (let t = 1; t < theirs.rowCount; t++) {
    if ((theirsToOurs[t] as number) >= 0) {
      anchor = theirsToOurs[t] as number;
      continue;
    }
    const b = aT.rows.newToOld[t] as number;
    let row: ResultRow;
    if (b < 0) row = { base: -1, ours: -1, theirs: t };
    else if (changedCells(aT, b, t).length === 0) continue;
    else row = { base: b, ours: -1, theirs: t, deletedBy: 'ours' };
    const list = inserts.get(anchor);
    if (list) list.push(row);
    else inserts.set(anchor, [row]);
  }

  const out: ResultRow[] = [];
  let pending: ResultRow[] = [];
  oursRows.forEach((r, o) => {
    const inBase = (aO.rows.newToOld[o] as number) >= 0;
    if (inBase) {
      out.push(...pending);
      pending = [];
    }
    if (r) out.push(r);
    pending.push(...(inserts.get(o) ?? []));
  });
  out.push(...pending);
  return out;
}
