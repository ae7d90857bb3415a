import { mapRowReferences } from './shift';

export interface ReorderedFormula {
  /** The formula with its A1 rows rewritten (unchanged when `ok` is false). */
  readonly text: string;
  /** False when a range's rows are no longer next to each other: no A1 range can name them. */
  readonly ok: boolean;
}

/**
 * Rewrites a formula's A1 references after rows were reordered (Sort File By…): `newRow[r]` is
 * where row r went (0-based, a permutation); rows at or past `newRow.length` stay where they are.
 * A reference to a moved row follows it. A range follows its rows when they still form one block
 * (then it names the same cells, so SUM, COUNT and friends are unchanged); otherwise it cannot be
 * rewritten and `ok` is false. Whole columns and `{ID}` references need no change.
 */
export function reorderRowReferences(raw: string, newRow: ArrayLike<number>): ReorderedFormula {
  const to = (r: number): number => (r < newRow.length ? (newRow[r] as number) : r);
  let ok = true;
  const text = mapRowReferences(raw, {
    cell: to,
    range: (r1, r2) => {
      const lo = Math.min(r1, r2);
      const hi = Math.max(r1, r2);
      let min = Infinity;
      let max = -Infinity;
      // Rows past the reordered block map to themselves; only the overlap needs scanning.
      const end = Math.min(hi, newRow.length - 1);
      for (let r = lo; r <= end; r++) {
        const n = newRow[r] as number;
        if (n < min) min = n;
        if (n > max) max = n;
      }
      if (hi > end) {
        min = Math.min(min, Math.max(lo, newRow.length));
        max = Math.max(max, hi);
      }
      // A permutation maps hi - lo + 1 rows to distinct rows: one block exactly when max - min = hi - lo.
      if (max - min !== hi - lo) {
        ok = false;
        return [r1, r2];
      }
      return r1 <= r2 ? [min, max] : [max, min];
    },
  });
  return ok ? { text, ok } : { text: raw, ok };
}
