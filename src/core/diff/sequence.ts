// Sequence matching used when rows have no stable id: a patience diff (unique lines as anchors,
// recursively), an exact LCS for small leftover gaps, and a greedy pass for huge ones. Patience
// diff is what `git diff --patience` does; it is O(n log n) on typical ledgers and gives readable
// results because it never aligns on repeated lines such as blank separators.

/** Above this many cell pairs a gap is matched greedily instead of by an exact LCS table. */
const LCS_TABLE_LIMIT = 4_000_000;

/** Positions of one longest strictly increasing subsequence of `values` (O(n log n)). */
export function longestIncreasing(values: ArrayLike<number>): number[] {
  const n = values.length;
  const tails: number[] = []; // tails[k]: index of the smallest tail of an increasing run of length k+1
  const prev = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const out = new Array<number>(tails.length);
  let k = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
  for (let j = tails.length - 1; j >= 0; j--) {
    out[j] = k;
    k = prev[k] as number;
  }
  return out;
}

/**
 * Pairs `[i, j]` with `a[i] === b[j]`, increasing in both i and j: a common subsequence of the
 * two key lists, exact for small inputs and patience-anchored for large ones.
 */
export function matchSequences(a: readonly string[], b: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  const stack: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (stack.length > 0) {
    let [a0, a1, b0, b1] = stack.pop() as [number, number, number, number];
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) pairs.push([a0++, b0++]);
    while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) pairs.push([--a1, --b1]);
    if (a0 === a1 || b0 === b1) continue;
    const anchors = uniqueAnchors(a, a0, a1, b, b0, b1);
    if (anchors.length > 0) {
      let pa = a0;
      let pb = b0;
      for (const [i, j] of anchors) {
        stack.push([pa, i, pb, j]);
        pairs.push([i, j]);
        pa = i + 1;
        pb = j + 1;
      }
      stack.push([pa, a1, pb, b1]);
    } else if ((a1 - a0) * (b1 - b0) <= LCS_TABLE_LIMIT) {
      exactLcs(a, a0, a1, b, b0, b1, pairs);
    } else {
      greedy(a, a0, a1, b, b0, b1, pairs);
    }
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

/** Keys occurring exactly once in each range, kept where their order agrees (LIS). */
function uniqueAnchors(
  a: readonly string[],
  a0: number,
  a1: number,
  b: readonly string[],
  b0: number,
  b1: number,
): [number, number][] {
  const seen = new Map<string, { ca: number; ia: number; cb: number; ib: number }>();
  for (let i = a0; i < a1; i++) {
    const k = a[i] as string;
    const e = seen.get(k);
    if (e) e.ca++;
    else seen.set(k, { ca: 1, ia: i, cb: 0, ib: -1 });
  }
  for (let j = b0; j < b1; j++) {
    const e = seen.get(b[j] as string);
    if (e) {
      e.cb++;
      e.ib = j;
    }
  }
  const cands: [number, number][] = [];
  for (const e of seen.values()) if (e.ca === 1 && e.cb === 1) cands.push([e.ia, e.ib]);
  cands.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(cands.map((c) => c[1])).map((k) => cands[k] as [number, number]);
}

function exactLcs(
  a: readonly string[],
  a0: number,
  a1: number,
  b: readonly string[],
  b0: number,
  b1: number,
  out: [number, number][],
): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      t[i * w + j] =
        a[a0 + i] === b[b0 + j]
          ? (t[(i + 1) * w + j + 1] as number) + 1
          : Math.max(t[(i + 1) * w + j] as number, t[i * w + j + 1] as number);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) out.push([a0 + i++, b0 + j++]);
    else if ((t[(i + 1) * w + j] as number) >= (t[i * w + j + 1] as number)) i++;
    else j++;
  }
}

/** Each key of `a` takes the next unused equal key of `b` after the previous match. */
function greedy(
  a: readonly string[],
  a0: number,
  a1: number,
  b: readonly string[],
  b0: number,
  b1: number,
  out: [number, number][],
): void {
  const positions = new Map<string, number[]>();
  for (let j = b1 - 1; j >= b0; j--) {
    const k = b[j] as string;
    const list = positions.get(k);
    if (list) list.push(j);
    else positions.set(k, [j]);
  }
  let last = b0 - 1;
  for (let i = a0; i < a1; i++) {
    const list = positions.get(a[i] as string);
    if (!list) continue;
    while (list.length > 0 && (list[list.length - 1] as number) <= last) list.pop();
    const j = list.pop();
    if (j === undefined) continue;
    out.push([i, j]);
    last = j;
  }
}
