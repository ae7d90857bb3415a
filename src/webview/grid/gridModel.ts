// The webview's read-only mirror of the TextDocument: the text as the extension last sent it, and its scan.
// The grid never edits this copy; it asks the extension, and the change comes back as `update`.
import { scanCsv, type CsvTable } from '../../core/csv/scan';
import type { GridNotice, TextSplice } from '../../shared/protocol';

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

  /** Applies the splices in order; false when the result does not have the expected length (drift). */
  applySplices(splices: readonly TextSplice[], version: number, length: number): boolean {
    let text = this.text;
    for (const s of splices) {
      if (s.start < 0 || s.end < s.start || s.end > text.length) return false;
      text = text.slice(0, s.start) + s.text + text.slice(s.end);
    }
    if (text.length !== length) return false;
    this.text = text;
    this.version = version;
    this.rescan();
    return true;
  }

  /** Number of columns to show: the widest row, at least the header's. */
  columnCount = 0;

  private rescan(): void {
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
