// Geometry of the grid: fixed row height, per-column widths and their prefix sums. Pure, so it is unit-tested.
export const ROW_HEIGHT = 22;
export const HEAD_HEIGHT = ROW_HEIGHT * 2;
export const DEFAULT_WIDTH = 120;
export const MIN_WIDTH = 32;
export const MAX_WIDTH = 2000;
const MIN_GUTTER = 48;

export class ColumnLayout {
  private widths: number[] = [];
  private lefts: number[] = [0];
  gutter = MIN_GUTTER;

  /** Widens the row-number gutter to fit the largest row number (digits ≈ 8 px); true when it changed. */
  fitGutter(rowCount: number): boolean {
    const digits = String(Math.max(1, rowCount)).length;
    const gutter = Math.max(MIN_GUTTER, 16 + 8 * digits);
    if (gutter === this.gutter) return false;
    this.gutter = gutter;
    return true;
  }

  constructor(saved: readonly number[] = []) {
    this.widths = saved.map(clampWidth);
  }

  ensure(count: number): void {
    if (this.widths.length >= count && this.lefts.length === this.widths.length + 1) return;
    while (this.widths.length < count) this.widths.push(DEFAULT_WIDTH);
    this.recompute();
  }

  get count(): number {
    return this.widths.length;
  }

  width(col: number): number {
    return this.widths[col] ?? DEFAULT_WIDTH;
  }

  /** Left edge of `col` measured from the first column (the gutter not included). */
  left(col: number): number {
    return this.lefts[col] ?? this.lefts[this.lefts.length - 1] ?? 0;
  }

  get total(): number {
    return this.lefts[this.lefts.length - 1] ?? 0;
  }

  setWidth(col: number, width: number): void {
    if (col < 0 || col >= this.widths.length) return;
    this.widths[col] = clampWidth(width);
    this.recompute();
  }

  saved(): number[] {
    return [...this.widths];
  }

  /** The column under horizontal content position `x` (gutter excluded), clamped to the columns. */
  columnAt(x: number): number {
    let lo = 0;
    let hi = this.widths.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.left(mid) <= x) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(lo, 0);
  }

  private recompute(): void {
    this.lefts = [0];
    let sum = 0;
    for (const w of this.widths) {
      sum += w;
      this.lefts.push(sum);
    }
  }
}

function clampWidth(width: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Inclusive range of items visible in a window, with `overscan` extra on each side. */
export function visibleRange(
  offset: number,
  extent: number,
  itemSize: number,
  count: number,
  overscan: number,
): { first: number; last: number } {
  if (count <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(offset / itemSize) - overscan);
  const last = Math.min(count - 1, Math.ceil((offset + extent) / itemSize) + overscan);
  return { first, last };
}
