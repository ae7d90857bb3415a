import { BLOCK_SHIFT } from './aggregates';

const LOG_KEEP = 4096;

/** Block clocks and a short log of recent changes for every column, for one kind of change. */
class Track {
  stamps: Uint32Array[] = [];
  /** Per column: flat [clock, block, clock, block, …], oldest first. */
  logs: number[][] = [];
  /** Per column: changes at or before this clock may have been dropped from the log. */
  droppedUpTo: number[] = [];

  reset(blocks: number, colCount: number, clock: number): void {
    this.stamps = Array.from({ length: colCount }, () => new Uint32Array(blocks));
    this.logs = Array.from({ length: colCount }, () => []);
    this.droppedUpTo = new Array<number>(colCount).fill(clock);
  }

  record(block: number, col: number, clock: number): void {
    const s = this.stamps[col];
    const log = this.logs[col];
    if (!s || !log) return;
    s[block] = clock;
    log.push(clock, block);
    if (log.length > 4 * LOG_KEEP) {
      const kept = log.slice(-2 * LOG_KEEP);
      this.droppedUpTo[col] = log[log.length - 2 * LOG_KEEP - 2] ?? clock;
      this.logs[col] = kept;
    }
  }

  changedBlocks(col: number, since: number): number[] | undefined {
    const log = this.logs[col];
    if (!log || since < (this.droppedUpTo[col] ?? 0)) return undefined;
    const out: number[] = [];
    for (let i = log.length - 2; i >= 0 && (log[i] as number) > since; i -= 2)
      out.push(log[i + 1] as number);
    return out;
  }
}

/**
 * When did each block of rows of each column last change? Aggregate caches compare these clocks
 * with their own. A short per-column log of recent changes lets a cache find the few changed
 * blocks directly instead of checking every block of a 100k-row column on each keystroke.
 *
 * Changes in total rows (小计/合计) are kept apart: whole-column ranges skip those rows, so their
 * caches look only at the other changes. Otherwise every 小计 calculated after a whole-column
 * SUMIFS (a fresh load does that) would make its next recalculation rescan the whole column.
 */
export class ChangeLog {
  private readonly all = new Track();
  private readonly plain = new Track();
  private clock = 0;

  reset(rowCount: number, colCount: number): void {
    const blocks = (rowCount >> BLOCK_SHIFT) + 1;
    // Clocks keep counting across resets, so no cache can mistake new changes for old ones.
    this.all.reset(blocks, colCount, this.clock);
    this.plain.reset(blocks, colCount, this.clock);
  }

  /** `plain`: the change matters to ranges that skip total rows (false only for a total row's value). */
  bump(row: number, col: number, plain = true): void {
    const block = row >> BLOCK_SHIFT;
    this.clock++;
    this.all.record(block, col, this.clock);
    if (plain) this.plain.record(block, col, this.clock);
  }

  now(): number {
    return this.clock;
  }

  /** `skipTotals`: only changes a range that skips total rows can see. */
  stamp(col: number, block: number, skipTotals = false): number {
    return (skipTotals ? this.plain : this.all).stamps[col]?.[block] ?? 0;
  }

  /** Blocks of `col` changed after clock `since`, or undefined when the log no longer reaches back. */
  changedBlocks(col: number, since: number, skipTotals = false): number[] | undefined {
    return (skipTotals ? this.plain : this.all).changedBlocks(col, since);
  }
}
