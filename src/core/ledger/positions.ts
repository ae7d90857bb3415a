import type { Bilingual, Diagnostic, Severity } from '../diagnostics';
import { severityOf, type LedgerCode } from './codes';

/**
 * Line starts of the whole file, appended chunk by chunk (a streaming validator never holds the
 * whole text), so any offset seen earlier can be turned into a 1-based line and column.
 */
export class LineStarts {
  // Uint32: V8 strings stay far below 4G characters, so offsets fit.
  private starts = new Uint32Array(1024);
  private count = 1; // line 1 starts at offset 0

  push(offset: number): void {
    if (offset <= (this.starts[this.count - 1] as number)) return;
    if (this.count === this.starts.length) {
      const next = new Uint32Array(Math.floor(this.count * 1.5));
      next.set(this.starts);
      this.starts = next;
    }
    this.starts[this.count++] = offset;
  }

  get lineCount(): number {
    return this.count;
  }

  positionAt(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }
}

/** A problem found before its line and column are known. */
export interface PendingDiagnostic {
  code: LedgerCode;
  severity: Severity;
  message: Bilingual;
  start: number;
  end: number;
  row?: number;
  col?: number;
}

export class DiagnosticList {
  readonly items: PendingDiagnostic[] = [];

  add(
    code: LedgerCode,
    message: Bilingual,
    start: number,
    end: number,
    cell?: { row: number; col?: number },
  ): void {
    const d: PendingDiagnostic = { code, severity: severityOf(code), message, start, end };
    if (cell) {
      d.row = cell.row;
      if (cell.col !== undefined) d.col = cell.col;
    }
    this.items.push(d);
  }

  /** Resolves positions, sorted by offset then code so output is stable for tests and diffs. */
  resolve(file: string, lines: LineStarts): Diagnostic[] {
    const sorted = this.items
      .slice()
      .sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : 1));
    return sorted.map((p) => {
      const s = lines.positionAt(p.start);
      const e = lines.positionAt(p.end);
      const d: Diagnostic = {
        code: p.code,
        severity: p.severity,
        message: p.message,
        file,
        start: p.start,
        end: p.end,
        line: s.line,
        column: s.column,
        endLine: e.line,
        endColumn: e.column,
      };
      if (p.row !== undefined) d.row = p.row;
      if (p.col !== undefined) d.col = p.col;
      return d;
    });
  }
}
