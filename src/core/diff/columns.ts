import { normalizeName, resolveHeader } from '../ledger/schema';

/** Old column ↔ new column, -1 where a column has no partner. */
export interface ColumnMapping {
  readonly oldToNew: Int32Array;
  readonly newToOld: Int32Array;
}

/**
 * Matches columns by header name (case-, width- and space-insensitive; the k-th repeat of a name
 * pairs with the k-th repeat), then pairs leftover columns that resolve to the same ledger role
 * (`编号` ↔ `id`, `金额` ↔ `金额(万元)`). Renames without a shared role are found later by content.
 */
export function matchColumnsByName(
  oldHeader: readonly string[],
  newHeader: readonly string[],
): ColumnMapping {
  const oldToNew = new Int32Array(oldHeader.length).fill(-1);
  const newToOld = new Int32Array(newHeader.length).fill(-1);
  const byName = new Map<string, number[]>();
  newHeader.forEach((h, c) => {
    const k = normalizeName(h);
    const list = byName.get(k);
    if (list) list.push(c);
    else byName.set(k, [c]);
  });
  oldHeader.forEach((h, c) => {
    const n = byName.get(normalizeName(h))?.shift();
    if (n !== undefined) link(oldToNew, newToOld, c, n);
  });
  const roleOf = (h: string): string => resolveHeader(h).role;
  oldHeader.forEach((h, c) => {
    if (oldToNew[c] !== -1) return;
    const role = roleOf(h);
    if (role === 'extra') return;
    const n = newHeader.findIndex((nh, j) => newToOld[j] === -1 && roleOf(nh) === role);
    if (n >= 0) link(oldToNew, newToOld, c, n);
  });
  return { oldToNew, newToOld };
}

export function link(oldToNew: Int32Array, newToOld: Int32Array, o: number, n: number): void {
  oldToNew[o] = n;
  newToOld[n] = o;
}

/** True when every column kept its place and nothing was added or removed. */
export function isIdentityMapping(m: ColumnMapping): boolean {
  if (m.oldToNew.length !== m.newToOld.length) return false;
  for (let c = 0; c < m.oldToNew.length; c++) if (m.oldToNew[c] !== c) return false;
  return true;
}

/**
 * Pairs leftover columns whose values agree on at least half of the sampled matched rows: a column
 * renamed without changing its contents. Pairs are tried in column order, each column used once.
 */
export function matchRenamedColumns(
  mapping: ColumnMapping,
  rowPairs: readonly (readonly [number, number])[],
  oldCell: (row: number, col: number) => string,
  newCell: (row: number, col: number) => string,
): void {
  const sample = rowPairs.length > 200 ? sampleEvenly(rowPairs, 200) : rowPairs;
  if (sample.length === 0) return;
  for (let o = 0; o < mapping.oldToNew.length; o++) {
    if (mapping.oldToNew[o] !== -1) continue;
    for (let n = 0; n < mapping.newToOld.length; n++) {
      if (mapping.newToOld[n] !== -1) continue;
      let same = 0;
      for (const [ro, rn] of sample) if (oldCell(ro, o) === newCell(rn, n)) same++;
      if (same * 2 >= sample.length) {
        link(mapping.oldToNew, mapping.newToOld, o, n);
        break;
      }
    }
  }
}

function sampleEvenly<T>(items: readonly T[], count: number): T[] {
  const out: T[] = [];
  const step = items.length / count;
  for (let k = 0; k < count; k++) out.push(items[Math.floor(k * step)] as T);
  return out;
}
