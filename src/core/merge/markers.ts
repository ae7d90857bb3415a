// A conflicting cell is written as ONE cell value holding all three versions, so the merged file
// stays a valid CSV with the same shape (the grid, `validate` and a spreadsheet can still open it):
//   <<<<<<< ours: X ||||||| base: Y ======= theirs: Z >>>>>>>
// A row deleted on one side and edited on the other keeps the edited row and marks its first cell,
// with `[row deleted]` standing for the deleting side. See docs/diff-merge.md ("Conflict format").

export const ROW_DELETED = '[row deleted]';

const OPEN = '<<<<<<< ours: ';
const BASE = ' ||||||| base: ';
const SPLIT = ' ======= theirs: ';
const CLOSE = ' >>>>>>>';

export interface ConflictValues {
  readonly ours: string;
  readonly base: string;
  readonly theirs: string;
}

export function formatConflict(v: ConflictValues): string {
  return `${OPEN}${v.ours}${BASE}${v.base}${SPLIT}${v.theirs}${CLOSE}`;
}

/**
 * Reads a conflict cell back. Separators are searched from the outside in (the first ` ||||||| base: `
 * and the last ` ======= theirs: `), so only a value that itself contains a separator is ambiguous.
 */
export function parseConflict(cell: string): ConflictValues | undefined {
  if (!cell.startsWith(OPEN) || !cell.endsWith(CLOSE)) return undefined;
  const inner = cell.slice(OPEN.length, cell.length - CLOSE.length);
  const b = inner.indexOf(BASE);
  const s = inner.lastIndexOf(SPLIT);
  if (b < 0 || s < b + BASE.length) return undefined;
  return {
    ours: inner.slice(0, b),
    base: inner.slice(b + BASE.length, s),
    theirs: inner.slice(s + SPLIT.length),
  };
}

/** Quick filter before `parseConflict`: a row with no marker cannot hold a conflict. */
export function mayHoldConflict(text: string): boolean {
  return text.includes(OPEN);
}
