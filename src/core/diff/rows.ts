import { longestIncreasing, matchSequences } from './sequence';

/** Old row ↔ new row (0-based file rows, header included), -1 where a row has no partner. */
export interface RowMatching {
  readonly oldToNew: Int32Array;
  readonly newToOld: Int32Array;
}

export interface RowMatchInput {
  readonly oldCount: number;
  readonly newCount: number;
  /** Stable id of a data row ('' when the file has no id column or the cell is empty). */
  oldId(row: number): string;
  newId(row: number): string;
  /** Equal exactly when the two rows hold the same values in the matched columns. */
  oldKey(row: number): string;
  newKey(row: number): string;
  /** Share of matched columns (0..1) whose values agree. */
  similarity(oldRow: number, newRow: number): number;
}

/** Rows changed in fewer than half their cells are treated as the same row edited. */
const SIMILAR_ENOUGH = 0.5;
/** Gaps larger than this are paired position by position instead of all-against-all. */
const PAIRWISE_LIMIT = 40_000;

/**
 * Matching rules (docs/diff-merge.md): the header row pairs with the header row; data rows pair by
 * id (the k-th occurrence of an id with the k-th); rows without an id are matched by content: a
 * patience LCS over whole-row keys, then identical rows found elsewhere (moves), then rows in the
 * same gap that agree in at least half their cells (edits).
 */
export function matchRows(input: RowMatchInput): RowMatching {
  const oldToNew = new Int32Array(input.oldCount).fill(-1);
  const newToOld = new Int32Array(input.newCount).fill(-1);
  const link = (o: number, n: number): void => {
    oldToNew[o] = n;
    newToOld[n] = o;
  };
  if (input.oldCount > 0 && input.newCount > 0) link(0, 0);

  const byId = new Map<string, number[]>();
  for (let n = input.newCount - 1; n >= 1; n--) {
    const id = input.newId(n);
    if (id === '') continue;
    const list = byId.get(id);
    if (list) list.push(n);
    else byId.set(id, [n]);
  }
  for (let o = 1; o < input.oldCount; o++) {
    const id = input.oldId(o);
    if (id === '') continue;
    const n = byId.get(id)?.pop();
    if (n !== undefined) link(o, n);
  }

  const oldRest: number[] = [];
  const newRest: number[] = [];
  for (let o = 1; o < input.oldCount; o++)
    if (oldToNew[o] === -1 && input.oldId(o) === '') oldRest.push(o);
  for (let n = 1; n < input.newCount; n++)
    if (newToOld[n] === -1 && input.newId(n) === '') newRest.push(n);
  if (oldRest.length > 0 && newRest.length > 0) matchByContent(input, oldRest, newRest, link);
  return { oldToNew, newToOld };
}

function matchByContent(
  input: RowMatchInput,
  oldRows: readonly number[],
  newRows: readonly number[],
  link: (o: number, n: number) => void,
): void {
  const oldKeys = oldRows.map((r) => input.oldKey(r));
  const newKeys = newRows.map((r) => input.newKey(r));
  const oldUsed = new Uint8Array(oldRows.length);
  const newUsed = new Uint8Array(newRows.length);
  const take = (i: number, j: number): void => {
    oldUsed[i] = 1;
    newUsed[j] = 1;
    link(oldRows[i] as number, newRows[j] as number);
  };
  const inOrder = matchSequences(oldKeys, newKeys);
  for (const [i, j] of inOrder) take(i, j);

  // Identical rows that the LCS could not keep in order: moved rows.
  const spare = new Map<string, number[]>();
  for (let j = newKeys.length - 1; j >= 0; j--) {
    if (newUsed[j]) continue;
    const k = newKeys[j] as string;
    const list = spare.get(k);
    if (list) list.push(j);
    else spare.set(k, [j]);
  }
  for (let i = 0; i < oldKeys.length; i++) {
    if (oldUsed[i]) continue;
    const j = spare.get(oldKeys[i] as string)?.pop();
    if (j !== undefined) take(i, j);
  }

  // Edited rows: in each gap between two in-order pairs, pair the rows that still mostly agree.
  for (let k = 0; k <= inOrder.length; k++) {
    const [i0, j0] = k > 0 ? (inOrder[k - 1] as [number, number]) : [-1, -1];
    const [i1, j1] =
      k < inOrder.length ? (inOrder[k] as [number, number]) : [oldKeys.length, newKeys.length];
    const gi: number[] = [];
    const gj: number[] = [];
    for (let i = i0 + 1; i < i1; i++) if (!oldUsed[i]) gi.push(i);
    for (let j = j0 + 1; j < j1; j++) if (!newUsed[j]) gj.push(j);
    if (gi.length > 0 && gj.length > 0) pairGap(input, oldRows, newRows, gi, gj, take);
  }
}

function pairGap(
  input: RowMatchInput,
  oldRows: readonly number[],
  newRows: readonly number[],
  gi: readonly number[],
  gj: readonly number[],
  take: (i: number, j: number) => void,
): void {
  const sim = (a: number, b: number): number =>
    input.similarity(oldRows[a] as number, newRows[b] as number);
  if (gi.length * gj.length > PAIRWISE_LIMIT) {
    const k = Math.min(gi.length, gj.length);
    for (let t = 0; t < k; t++) {
      const a = gi[t] as number;
      const b = gj[t] as number;
      if (sim(a, b) >= SIMILAR_ENOUGH) take(a, b);
    }
    return;
  }
  // Best partner for each old row, in order, never crossing an earlier pair.
  let from = 0;
  for (const a of gi) {
    let best = -1;
    let bestScore = 0;
    for (let t = from; t < gj.length; t++) {
      const s = sim(a, gj[t] as number);
      if (s >= SIMILAR_ENOUGH && (best === -1 || s > bestScore)) {
        best = t;
        bestScore = s;
      }
    }
    if (best >= 0) {
      take(a, gj[best] as number);
      from = best + 1;
    }
  }
}

/** Matched rows whose relative order changed: those outside a longest in-order run. */
export function movedRows(m: RowMatching): Set<number> {
  const olds: number[] = [];
  const news: number[] = [];
  for (let o = 1; o < m.oldToNew.length; o++) {
    const n = m.oldToNew[o] as number;
    if (n > 0) {
      olds.push(o);
      news.push(n);
    }
  }
  const keep = new Uint8Array(olds.length);
  for (const k of longestIncreasing(news)) keep[k] = 1;
  const moved = new Set<number>();
  for (let k = 0; k < olds.length; k++) if (!keep[k]) moved.add(news[k] as number);
  return moved;
}
