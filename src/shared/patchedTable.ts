// An edit inside one cell, without quotes, commas or line breaks, does not change the shape of a CSV:
// only the offsets after that cell move. A PatchedTable answers like a fresh scan of the new text by
// shifting a base scan's offsets, so a keystroke in a 50 MB ledger costs O(edits), not a rescan.
// Used by the grid webview (its document mirror) and the extension (its per-version table cache).
// Anything it cannot patch returns undefined; the caller rescans.
import type { CsvSyntaxError, CsvTable, LineEnding } from '../core/csv/scan';

/** After this many patched edits, a rescan is cheaper than the shift list. */
const MAX_SHIFTS = 64;

export interface Splice {
  start: number;
  end: number;
  text: string;
}

interface Shift {
  /** Offset in the base scan of the edited cell's end. */
  at: number;
  delta: number;
}

export class PatchedTable implements CsvTable {
  private constructor(
    private readonly base: CsvTable,
    readonly text: string,
    private readonly shifts: readonly Shift[],
    /** Cells (row → cols) that were quoted in the base scan and were replaced by unquoted text. */
    private readonly unquoted: ReadonlyMap<number, ReadonlySet<number>>,
  ) {}

  get rowCount(): number {
    return this.base.rowCount;
  }
  get hasBom(): boolean {
    return this.base.hasBom;
  }
  get hasTrailingNewline(): boolean {
    return this.base.hasTrailingNewline;
  }
  get errors(): readonly CsvSyntaxError[] {
    return this.base.errors;
  }
  get omittedErrorCount(): number {
    return this.base.omittedErrorCount;
  }
  cellCount(row: number): number {
    return this.base.cellCount(row);
  }
  lineEnding(row: number): LineEnding {
    return this.base.lineEnding(row);
  }

  // A start equal to an edited cell's end belongs to that (empty) cell and does not move; an end does.
  private startOf(offset: number): number {
    let out = offset;
    for (const s of this.shifts) if (s.at < offset) out += s.delta;
    return out;
  }
  private endOf(offset: number): number {
    let out = offset;
    for (const s of this.shifts) if (s.at <= offset) out += s.delta;
    return out;
  }

  cellStart(row: number, col: number): number {
    return this.startOf(this.base.cellStart(row, col));
  }
  cellEnd(row: number, col: number): number {
    return this.endOf(this.base.cellEnd(row, col));
  }
  rowStart(row: number): number {
    return this.startOf(this.base.rowStart(row));
  }
  rowEnd(row: number): number {
    return this.endOf(this.base.rowEnd(row));
  }
  isQuoted(row: number, col: number): boolean {
    return !this.unquoted.get(row)?.has(col) && this.base.isQuoted(row, col);
  }
  cellValue(row: number, col: number): string {
    if (col >= this.cellCount(row)) return '';
    const raw = this.text.slice(this.cellStart(row, col), this.cellEnd(row, col));
    return this.isQuoted(row, col) ? raw.slice(1, -1).replace(/""/g, '"') : raw;
  }
  rowValues(row: number): string[] {
    return Array.from({ length: this.cellCount(row) }, (_, col) => this.cellValue(row, col));
  }

  /**
   * `prev` with `splice` applied, giving `text`, when the splice stays inside one cell and keeps the
   * table's shape; undefined otherwise. Also returns the cell, for incremental recalculation.
   */
  static patch(
    prev: CsvTable,
    splice: Splice,
    text: string,
  ): { table: PatchedTable; row: number; col: number } | undefined {
    if (prev.errors.length > 0 || prev.rowCount === 0 || /[\r\n",]/.test(splice.text))
      return undefined;
    // A U+FEFF that becomes (or stops being) the file's first character turns into (or out of) a BOM,
    // which belongs to no cell: every offset of the first row moves.
    if ((text.charCodeAt(0) === 0xfeff) !== (prev.text.charCodeAt(0) === 0xfeff)) return undefined;
    const row = rowAt(prev, splice.start);
    if (splice.start < prev.rowStart(row) || splice.end > prev.rowEnd(row)) return undefined;
    const cells = prev.cellCount(row);
    let col = -1;
    for (let c = 0; c < cells; c++) {
      if (prev.cellStart(row, c) <= splice.start && splice.end <= prev.cellEnd(row, c)) {
        col = c;
        break;
      }
    }
    if (col < 0) return undefined;
    const start = prev.cellStart(row, col);
    const end = prev.cellEnd(row, col);
    const quoted = prev.isQuoted(row, col);
    // Inside a quoted cell only a whole replacement is safe (the quotes could be cut).
    if (quoted && (splice.start !== start || splice.end !== end)) return undefined;
    const newLength = end - start - (splice.end - splice.start) + splice.text.length;
    // A last, unterminated row holding one empty cell stops being a row.
    const lastRow = row === prev.rowCount - 1 && !prev.hasTrailingNewline;
    if (newLength === 0 && cells === 1 && lastRow) return undefined;
    // Emptying a one-cell row between a lone CR and an LF joins them into one CRLF: the row is gone.
    const joinsLineEnds =
      row > 0 && prev.lineEnding(row - 1) === '\r' && prev.lineEnding(row) === '\n';
    if (newLength === 0 && cells === 1 && joinsLineEnds) return undefined;
    const delta = splice.text.length - (splice.end - splice.start);
    const base = prev instanceof PatchedTable ? prev.base : prev;
    const shifts = prev instanceof PatchedTable ? prev.shifts : [];
    if (shifts.length >= MAX_SHIFTS) return undefined;
    const unquoted = new Map(prev instanceof PatchedTable ? prev.unquoted : []);
    if (quoted) unquoted.set(row, new Set([...(unquoted.get(row) ?? []), col]));
    const at = base.cellEnd(row, col);
    return {
      table: new PatchedTable(
        base,
        text,
        delta === 0 ? shifts : [...shifts, { at, delta }],
        unquoted,
      ),
      row,
      col,
    };
  }
}

/** The row whose start is the last at or before `offset`. */
function rowAt(table: CsvTable, offset: number): number {
  let lo = 0;
  let hi = table.rowCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (table.rowStart(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
