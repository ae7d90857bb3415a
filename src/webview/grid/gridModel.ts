// The webview's read-only mirror of the TextDocument: the text as the extension last sent it, and its scan.
// The grid never edits this copy; it asks the extension, and the change comes back as `update`.
import { scanCsv, type CsvTable } from '../../core/csv/scan';
import { PatchedTable } from '../../shared/patchedTable';
import type { GridNotice, TextSplice } from '../../shared/protocol';

/** How much of a big text the first-screen preview scans (about 500 ledger rows). */
const PREVIEW_CHARS = 64 * 1024;

export class GridModel {
  text = '';
  version = -1;
  table: CsvTable = scanCsv('');
  readOnly = true;
  notice: GridNotice | null = null;
  /** Bumped on every change so the view knows its rendered rows are stale. */
  epoch = 0;

  reset(text: string, version: number, readOnly: boolean, notice: GridNotice | null): void {
    this.text = text;
    this.version = version;
    this.readOnly = readOnly;
    this.notice = notice;
    this.rescan();
  }

  /**
   * Scans only the first rows of a big text, so the first screen can be painted before the rest is
   * parsed; read-only until `reset` scans the whole. False when there is no clean cut to preview.
   */
  preview(text: string, version: number, notice: GridNotice | null): boolean {
    const cut = text.indexOf('\n', PREVIEW_CHARS);
    return cut >= 0 && this.showPrefix(text, text.slice(0, cut + 1), version, notice);
  }

  /** Like `preview`, for a text that is only the document's first lines (the extension's preview). */
  previewPrefix(prefix: string, version: number, notice: GridNotice | null): boolean {
    const cut = prefix.lastIndexOf('\n');
    return cut >= 0 && this.showPrefix(prefix, prefix.slice(0, cut + 1), version, notice);
  }

  private showPrefix(
    text: string,
    prefix: string,
    version: number,
    notice: GridNotice | null,
  ): boolean {
    const table = scanCsv(prefix);
    // A cut inside a quoted field shows as an error in the prefix: then just wait for the full scan.
    if (table.errors.length > 0) return false;
    this.text = text;
    this.version = version;
    this.readOnly = true;
    this.notice = notice;
    this.partial = true;
    this.table = table;
    this.columnCount = Math.max(
      1,
      ...Array.from({ length: table.rowCount }, (_, r) => table.cellCount(r)),
    );
    this.epoch++;
    return true;
  }

  /** True while only a preview of the text is scanned. */
  partial = false;

  /**
   * Applies the splices in order. Returns null when the result does not have the expected length
   * (drift: ask for the whole text), else the one cell that changed in place, or 'many'.
   */
  applySplices(
    splices: readonly TextSplice[],
    version: number,
    length: number,
  ): { row: number; col: number } | 'many' | null {
    let text = this.text;
    for (const s of splices) {
      if (s.start < 0 || s.end < s.start || s.end > text.length) return null;
      text = text.slice(0, s.start) + s.text + text.slice(s.end);
    }
    if (text.length !== length) return null;
    const before = this.table;
    this.text = text;
    this.version = version;
    const only = splices.length === 1 ? splices[0] : undefined;
    const patched = only && !this.partial && PatchedTable.patch(before, only, text);
    if (patched) {
      // Same shape, shifted offsets: no rescan of a possibly huge text for one keystroke.
      this.table = patched.table;
      this.epoch++;
      return { row: patched.row, col: patched.col };
    }
    this.rescan();
    return (only && inPlaceCell(before, this.table, only)) ?? 'many';
  }

  /** Number of columns to show: the widest row, at least the header's. */
  columnCount = 0;

  private rescan(): void {
    this.partial = false;
    this.table = scanCsv(this.text);
    let widest = 0;
    for (let r = 0; r < this.table.rowCount; r++) {
      const n = this.table.cellCount(r);
      if (n > widest) widest = n;
    }
    this.columnCount = Math.max(widest, 1);
    this.epoch++;
  }

  get rowCount(): number {
    return this.table.rowCount;
  }

  raw(row: number, col: number): string {
    if (row >= this.table.rowCount || col >= this.table.cellCount(row)) return '';
    return this.table.cellValue(row, col);
  }
}

/** The cell a splice changed when it stayed inside that one cell and the table kept its shape. */
function inPlaceCell(
  before: CsvTable,
  after: CsvTable,
  s: TextSplice,
): { row: number; col: number } | undefined {
  if (before.rowCount !== after.rowCount || before.rowCount === 0) return undefined;
  let lo = 0;
  let hi = before.rowCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (before.rowStart(mid) <= s.start) lo = mid;
    else hi = mid - 1;
  }
  const row = lo;
  const cells = before.cellCount(row);
  if (cells !== after.cellCount(row) || s.end > before.rowEnd(row)) return undefined;
  for (let col = 0; col < cells; col++) {
    if (before.cellStart(row, col) <= s.start && s.end <= before.cellEnd(row, col)) {
      const grown = s.text.length - (s.end - s.start);
      const end = after.cellEnd(row, col);
      return end === before.cellEnd(row, col) + grown ? { row, col } : undefined;
    }
  }
  return undefined;
}
