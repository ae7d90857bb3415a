import type { CsvTable } from './scan';

export type Newline = '\n' | '\r\n' | '\r';

/**
 * Used when a file has no line terminator yet (empty, or a single unterminated row): CRLF is what
 * RFC 4180 specifies and what Excel and WPS write on Windows.
 */
export const DEFAULT_NEWLINE: Newline = '\r\n';

export interface LineEndingInfo {
  /** The most common terminator; ties go to the one seen first; DEFAULT_NEWLINE when there is none. */
  dominant: Newline;
  counts: { lf: number; crlf: number; cr: number };
  /** More than one kind of terminator is used. */
  mixed: boolean;
  /** Rows whose terminator is not the dominant one, ascending (an unterminated last row never is). */
  differingRows: number[];
}

/**
 * Only record terminators count: a CR or LF inside a quoted cell is the cell's content, not a line
 * ending of the file, and is left to the validator's cell checks.
 */
export function detectLineEndings(table: CsvTable): LineEndingInfo {
  const counts = { lf: 0, crlf: 0, cr: 0 };
  const firstSeen: Newline[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const e = table.lineEnding(r);
    if (e === '') continue;
    const key = e === '\n' ? 'lf' : e === '\r\n' ? 'crlf' : 'cr';
    if (counts[key]++ === 0) firstSeen.push(e);
  }
  let dominant: Newline = firstSeen[0] ?? DEFAULT_NEWLINE;
  for (const e of firstSeen) if (countOf(counts, e) > countOf(counts, dominant)) dominant = e;
  const differingRows: number[] = [];
  if (firstSeen.length > 1) {
    for (let r = 0; r < table.rowCount; r++) {
      const e = table.lineEnding(r);
      if (e !== '' && e !== dominant) differingRows.push(r);
    }
  }
  return { dominant, counts, mixed: firstSeen.length > 1, differingRows };
}

function countOf(counts: LineEndingInfo['counts'], e: Newline): number {
  return e === '\n' ? counts.lf : e === '\r\n' ? counts.crlf : counts.cr;
}
