// RFC 4180 scanner (comma delimiter) that records every cell's exact source range.
//
// Layout, chosen so a 1M-row ledger costs a few bytes per cell and no object per cell:
// - `cellEnds[i]`: offset just past cell i's raw text (quotes included). The next cell of the same
//   row starts one character later (after its comma), so starts are never stored.
// - `rowFirst[r]`: index of row r's first cell in `cellEnds`; `rowFirst[rowCount]` closes the list.
// - `rowStarts[r]`: offset of row r's first character.
// Values are decoded only when asked for (`cellValue`), and only quoted cells need unescaping.
//
// Conventions (see docs/architecture.md for the contract):
// - A UTF-8 BOM (U+FEFF at offset 0) is kept in the text and counted by offsets, but belongs to no
//   cell: row 0 starts at offset 1, so editing the first cell never touches the BOM.
// - Line terminators are CRLF, LF or a lone CR, mixed freely. A final terminator does not start a
//   new row; an empty line (including the last line of a file ending in two terminators) is a row
//   with exactly one empty cell.
// - Syntax errors never throw. An unclosed quote (none closes it, or its "closing" quote ends a
//   multi-line value and is followed by stray text, i.e. it really opened a later cell) is reported
//   at its opening quote and that field is re-read as unquoted text, so the rows after it still
//   scan normally; a stray quote in an unquoted
//   field or text after a closing quote is reported once per field and kept in the value verbatim.

import { GrowableUint32 } from './growable';
import { ScannedTable, type CsvSyntaxError, type CsvTable } from './table';

export type { CsvSyntaxError, CsvTable, LineEnding } from './table';

/** Beyond this, errors are only counted: a binary or badly broken file must not exhaust memory. */
export const MAX_STORED_ERRORS = 10000;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

export function scanCsv(text: string): CsvTable {
  return scan(text, true, true).table;
}

export interface CsvChunkOptions {
  /** No more text follows: the last row is complete even without a terminator. */
  final: boolean;
  /** The chunk starts the file, so a leading U+FEFF is the BOM (later chunks have none). */
  atFileStart: boolean;
}

export interface CsvChunk {
  /** Only the rows known to be complete; offsets are relative to the chunk text. */
  table: CsvTable;
  /** Length of the chunk text those rows cover; prepend the rest to the next chunk. */
  consumed: number;
}

/**
 * Scans a file piece by piece, so a validator can stream a 1M-row ledger without holding it all
 * as one string. Rows that may continue in the next piece (no terminator yet, a CR that may be half
 * of a CRLF, a quote still open) are left out; rescanning them with the following text gives
 * exactly what scanCsv gives on the whole file (row and offset numbering restart in each chunk).
 */
export function scanCsvChunk(text: string, options: CsvChunkOptions): CsvChunk {
  return scan(text, options.final, options.atFileStart);
}

function scan(text: string, final: boolean, atFileStart: boolean): CsvChunk {
  const len = text.length;
  const hasBom = atFileStart && len > 0 && text.charCodeAt(0) === BOM;
  let eofUnclosedRow = -1;
  const guess = estimateCounts(text);
  const cellEnds = new GrowableUint32(guess.cells);
  const rowStarts = new GrowableUint32(guess.rows);
  const rowFirst = new GrowableUint32(guess.rows + 1);
  const errors: CsvSyntaxError[] = [];
  let omitted = 0;
  // Cells whose opening quote never closed; they are read as unquoted text (rare, so a Set is fine).
  const unclosed = new Set<number>();
  const report = (code: CsvSyntaxError['code'], offset: number, row: number, col: number): void => {
    if (errors.length < MAX_STORED_ERRORS) errors.push({ code, offset, row, col });
    else omitted++;
  };

  let pos = hasBom ? 1 : 0;
  let row = 0;
  while (pos < len) {
    rowStarts.push(pos);
    rowFirst.push(cellEnds.length);
    let col = 0;
    for (;;) {
      const fieldStart = pos;
      let c = pos < len ? text.charCodeAt(pos) : -1;
      let quotedOk = false;
      if (c === QUOTE) {
        // Find the closing quote: a quote not followed by another quote.
        let i = pos + 1;
        for (;;) {
          i = text.indexOf('"', i);
          if (i < 0) break;
          if (i + 1 < len && text.charCodeAt(i + 1) === QUOTE) i += 2;
          else break;
        }
        if (i < 0 || (!endsField(text, i + 1) && spansLines(text, pos + 1, i))) {
          // Unclosed: no closing quote before the end of the file, or the "closing" quote is really
          // the opening quote of a later cell (a multi-line value followed by stray text). Report it
          // at the opening quote and re-read the field as unquoted text, so the rows after it scan
          // normally. Each re-read covers text the search already passed, so this stays linear.
          if (i < 0) eofUnclosedRow = row;
          report('unclosed-quote', fieldStart, row, col);
          unclosed.add(fieldStart);
          pos++;
        } else {
          pos = i + 1;
          quotedOk = true;
        }
      }
      // Unquoted text (or the text after a closing quote) runs to the next comma or line break.
      // Every character that matters is <= ',' (34, 44, 10, 13), so most cost one comparison.
      let flagged = false;
      for (; pos < len; pos++) {
        c = text.charCodeAt(pos);
        if (c > COMMA) {
          if (!quotedOk || flagged) continue;
        } else if (c === COMMA || c === LF || c === CR) {
          break;
        } else if (flagged || (!quotedOk && (c !== QUOTE || unclosed.has(fieldStart)))) {
          continue;
        }
        report(quotedOk ? 'text-after-closing-quote' : 'quote-in-unquoted-field', pos, row, col);
        flagged = true;
      }
      cellEnds.push(pos);
      col++;
      if (pos >= len) break;
      c = text.charCodeAt(pos);
      pos++;
      if (c === COMMA) {
        continue;
      }
      if (c === CR && pos < len && text.charCodeAt(pos) === LF) pos++;
      break;
    }
    row++;
  }
  rowFirst.push(cellEnds.length);
  const lastEnd = cellEnds.length > 0 ? cellEnds.get(cellEnds.length - 1) : 0;
  let rows = row;
  let consumed = len;
  if (!final && row > 0) {
    const open = lastEnd >= len || (lastEnd === len - 1 && text.charCodeAt(lastEnd) === CR);
    rows = eofUnclosedRow >= 0 ? eofUnclosedRow : open ? row - 1 : row;
    if (rows < row) consumed = rowStarts.get(rows);
  }
  let kept = errors;
  let keptOmitted = omitted;
  const cut = rows < row ? errors.findIndex((e) => e.row >= rows) : -1;
  if (cut >= 0) {
    // Errors are found in row order, so any omitted ones belong to the rows left out as well.
    kept = errors.slice(0, cut);
    keptOmitted = 0;
  }
  const table = new ScannedTable(
    text,
    hasBom,
    rows,
    rows > 0 && (rows < row || !final || lastEnd < len),
    rowStarts.toArray(),
    rowFirst.toArray(),
    cellEnds.toArray(),
    kept,
    keptOmitted,
    unclosed,
  );
  return { table, consumed };
}

function spansLines(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || c === CR) return true;
  }
  return false;
}

function endsField(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return c === COMMA || c === LF || c === CR;
}

/**
 * Sizes the offset arrays from the first 64K characters, so a large file is stored without repeated
 * doubling (which would briefly need three times the final size); a poor guess only costs a copy.
 */
function estimateCounts(text: string): { cells: number; rows: number } {
  const sample = Math.min(text.length, 65536);
  let separators = 0;
  let lines = 1;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA) separators++;
    else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) lines++;
  }
  const scale = sample === 0 ? 1 : (text.length / sample) * 1.05;
  return {
    cells: Math.ceil((separators + lines) * scale) + 16,
    rows: Math.ceil(lines * scale) + 16,
  };
}

// The contract lists offsetToLineColumn with the scanner; it lives with LineIndex.
export { offsetToLineColumn } from './position';
