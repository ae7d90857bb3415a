/** Cell key: rows up to 2^37 and columns up to 65,535 fit exactly in a double. */
export const COL_LIMIT = 65536;
export const cellKey = (row: number, col: number): number => row * COL_LIMIT + col;
export const keyRow = (key: number): number => Math.floor(key / COL_LIMIT);
export const keyCol = (key: number): number => key % COL_LIMIT;

interface RangeEntry {
  r1: number;
  r2: number;
  skipTotals: boolean;
  formula: number;
}

/** What one formula registered, so it can be removed exactly when the formula changes. */
export interface Registration {
  cells: number[];
  ranges: { col: number; r1: number; r2: number; skipTotals: boolean }[];
}

/**
 * Reverse dependency index: which formulas read a given cell. Single cells are hashed; ranges
 * (whole columns included) are kept per column, so an edit looks at one column's ranges only
 * instead of expanding every range into cells (which would make G:G cost O(rows) per formula).
 */
export class DependencyIndex {
  private readonly cells = new Map<number, Set<number>>();
  private readonly ranges = new Map<number, RangeEntry[]>();

  add(formula: number, reg: Registration): void {
    for (const k of reg.cells) {
      let set = this.cells.get(k);
      if (!set) this.cells.set(k, (set = new Set()));
      set.add(formula);
    }
    for (const r of reg.ranges) {
      let list = this.ranges.get(r.col);
      if (!list) this.ranges.set(r.col, (list = []));
      list.push({ r1: r.r1, r2: r.r2, skipTotals: r.skipTotals, formula });
    }
  }

  remove(formula: number, reg: Registration): void {
    for (const k of reg.cells) {
      const set = this.cells.get(k);
      set?.delete(formula);
      if (set?.size === 0) this.cells.delete(k);
    }
    const cols = new Set(reg.ranges.map((r) => r.col));
    for (const col of cols) {
      const list = this.ranges.get(col);
      if (!list) continue;
      const kept = list.filter((e) => e.formula !== formula);
      if (kept.length > 0) this.ranges.set(col, kept);
      else this.ranges.delete(col);
    }
  }

  /** Formulas that read (row, col); `isTotal` tells which rows whole-column ranges skip. */
  forEachDependent(
    row: number,
    col: number,
    isTotal: (row: number) => boolean,
    visit: (formula: number) => void,
  ): void {
    const set = this.cells.get(cellKey(row, col));
    if (set) for (const f of set) visit(f);
    const list = this.ranges.get(col);
    if (!list) return;
    let total: boolean | undefined;
    const key = cellKey(row, col);
    for (const e of list) {
      if (row < e.r1 || row > e.r2) continue;
      if (e.skipTotals && e.formula === key) continue;
      if (e.skipTotals && (total ??= isTotal(row))) continue;
      visit(e.formula);
    }
  }

  clear(): void {
    this.cells.clear();
    this.ranges.clear();
  }
}
