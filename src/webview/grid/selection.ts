// The selection: an active cell and an anchor, spanning a rectangle. Pure, so it is unit-tested.
export interface CellRef {
  row: number;
  col: number;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class Selection {
  active: CellRef = { row: 1, col: 0 };
  anchor: CellRef = { row: 1, col: 0 };

  constructor(
    private rows: number,
    private cols: number,
  ) {}

  resize(rows: number, cols: number): void {
    this.rows = rows;
    this.cols = cols;
    this.active = this.clamp(this.active);
    this.anchor = this.clamp(this.anchor);
  }

  /** Move the active cell; `extend` keeps the anchor (Shift), otherwise the range collapses. */
  set(cell: CellRef, extend = false): void {
    this.active = this.clamp(cell);
    if (!extend) this.anchor = { ...this.active };
  }

  moveBy(dRow: number, dCol: number, extend = false): void {
    this.set({ row: this.active.row + dRow, col: this.active.col + dCol }, extend);
  }

  rect(): Rect {
    return {
      top: Math.min(this.active.row, this.anchor.row),
      bottom: Math.max(this.active.row, this.anchor.row),
      left: Math.min(this.active.col, this.anchor.col),
      right: Math.max(this.active.col, this.anchor.col),
    };
  }

  contains(row: number, col: number): boolean {
    const r = this.rect();
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  }

  isSingle(): boolean {
    return this.active.row === this.anchor.row && this.active.col === this.anchor.col;
  }

  private clamp(cell: CellRef): CellRef {
    return {
      row: Math.max(0, Math.min(cell.row, Math.max(this.rows - 1, 0))),
      col: Math.max(0, Math.min(cell.col, Math.max(this.cols - 1, 0))),
    };
  }
}

/**
 * Ctrl+Arrow target like a spreadsheet: from a filled cell with a filled neighbour, the last filled
 * cell of that run; otherwise the next filled cell; the edge when there is none.
 */
export function jumpTarget(
  from: number,
  step: 1 | -1,
  limit: number,
  filled: (index: number) => boolean,
): number {
  const edge = step > 0 ? limit - 1 : 0;
  let i = from + step;
  if (i < 0 || i >= limit) return from;
  if (filled(from) && filled(i)) {
    while (i + step >= 0 && i + step < limit && filled(i + step)) i += step;
    return i;
  }
  while (i >= 0 && i < limit && !filled(i)) i += step;
  return i >= 0 && i < limit ? i : edge;
}
