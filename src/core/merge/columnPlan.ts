import type { Alignment } from '../diff/align';
import { changedCells } from '../diff/diff';
import { normalizeName } from '../ledger/schema';

/** One column of the merge result and where it comes from in each input (-1: not there). */
export interface ResultColumn {
  readonly base: number;
  readonly ours: number;
  readonly theirs: number;
}

export interface ColumnPlan {
  readonly cols: readonly ResultColumn[];
  /** Result columns are exactly ours', in ours' order: ours' rows can be kept byte for byte. */
  readonly sameAsOurs: boolean;
  /** Columns one side deleted while the other edited cells in them (the deletion is applied). */
  readonly dropped: readonly { side: 'ours' | 'theirs'; name: string; editedCells: number }[];
}

/**
 * Result columns: ours' columns in ours' order, minus the base columns theirs deleted, plus the
 * columns theirs added, each placed after its left neighbour in theirs. A column both sides added
 * under the same name is one column. Renames are header-cell edits and merge like any cell.
 */
export function planColumns(aO: Alignment, aT: Alignment): ColumnPlan {
  const cols: ResultColumn[] = [];
  const dropped: { side: 'ours' | 'theirs'; name: string; editedCells: number }[] = [];
  const theirsAdded = new Map<string, number>();
  aT.columns.newToOld.forEach((b, t) => {
    if (b < 0) theirsAdded.set(normalizeName(aT.newHeader[t] ?? ''), t);
  });
  const claimed = new Set<number>();

  aO.columns.newToOld.forEach((b, o) => {
    if (b >= 0) {
      const t = aT.columns.oldToNew[b] as number;
      if (t < 0) {
        const edited = editedIn(aO, b);
        if (edited > 0)
          dropped.push({ side: 'theirs', name: aO.newHeader[o] ?? '', editedCells: edited });
        return;
      }
      cols.push({ base: b, ours: o, theirs: t });
    } else {
      const t = theirsAdded.get(normalizeName(aO.newHeader[o] ?? '')) ?? -1;
      if (t >= 0) claimed.add(t);
      cols.push({ base: -1, ours: o, theirs: t });
    }
  });
  aO.columns.oldToNew.forEach((o, b) => {
    if (o >= 0) return;
    const edited = editedIn(aT, b);
    if (edited > 0)
      dropped.push({ side: 'ours', name: aO.oldHeader[b] ?? '', editedCells: edited });
  });

  aT.columns.newToOld.forEach((b, t) => {
    if (b >= 0 || claimed.has(t)) return;
    const left = t === 0 ? -1 : cols.findIndex((c) => c.theirs === t - 1);
    const at = t === 0 ? 0 : left >= 0 ? left + 1 : cols.length;
    cols.splice(at, 0, { base: -1, ours: -1, theirs: t });
  });

  const sameAsOurs = cols.length === aO.newHeader.length && cols.every((c, i) => c.ours === i);
  return { cols, sameAsOurs, dropped };
}

/** Cells of base column `b` that the other side of `a` changed (its deletion would lose them). */
function editedIn(a: Alignment, b: number): number {
  let n = 0;
  for (let o = 1; o < a.rows.oldToNew.length; o++) {
    const r = a.rows.oldToNew[o] as number;
    if (r < 0) continue;
    if (changedCells(a, o, r).some((c) => c.oldCol === b)) n++;
  }
  return n;
}
