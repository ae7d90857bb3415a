import { BLOCK_SHIFT } from './aggregates';

const LOG_KEEP = 4096;

/**
 * When did each block of rows of each column last change? Aggregate caches compare these clocks
 * with their own. A short per-column log of recent changes lets a cache find the few changed
 * blocks directly instead of checking every block of a 100k-row column on each keystroke.
 */
export class ChangeLog {
  private stamps: Uint32Array[] = [];
  /** Per column: flat [clock, block, clock, block, …], oldest first. */
  private logs: number[][] = [];
  /** Per column: changes at or before this clock may have been dropped from the log. */
  private droppedUpTo: number[] = [];
  private clock = 0;

  reset(rowCount: number, colCount: number): void {
    const blocks = (rowCount >> BLOCK_SHIFT) + 1;
    this.stamps = Array.from({ length: colCount }, () => new Uint32Array(blocks));
    this.logs = Array.from({ length: colCount }, () => []);
    // Clocks keep counting across resets, so no cache can mistake new changes for old ones.
    this.droppedUpTo = new Array<number>(colCount).fill(this.clock);
  }

  bump(row: number, col: number): void {
    const s = this.stamps[col];
    const log = this.logs[col];
    if (!s || !log) return;
    const block = row >> BLOCK_SHIFT;
    s[block] = ++this.clock;
    log.push(this.clock, block);
    if (log.length > 4 * LOG_KEEP) {
      const kept = log.slice(-2 * LOG_KEEP);
      this.droppedUpTo[col] = log[log.length - 2 * LOG_KEEP - 2] ?? this.clock;
      this.logs[col] = kept;
    }
  }

  now(): number {
    return this.clock;
  }

  stamp(col: number, block: number): number {
    return this.stamps[col]?.[block] ?? 0;
  }

  /** Blocks of `col` changed after clock `since`, or undefined when the log no longer reaches back. */
  changedBlocks(col: number, since: number): number[] | undefined {
    const log = this.logs[col];
    if (!log || since < (this.droppedUpTo[col] ?? 0)) return undefined;
    const out: number[] = [];
    for (let i = log.length - 2; i >= 0 && (log[i] as number) > since; i -= 2)
      out.push(log[i + 1] as number);
    return out;
  }
}
