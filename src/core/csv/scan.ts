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
// - Syntax errors never throw. An unclosed quote is reported at its opening quote and that field is
//   re-read as unquoted text, so the rows after it still scan normally; a stray quote in an unquoted
//   field or text after a closing quote is reported once per field and kept in the value verbatim.

import { GrowableUint32 } from './growable';

export interface CsvSyntaxError {
  code: 'unclosed-quote' | 'quote-in-unquoted-field' | 'text-after-closing-quote';
  offset: number;
  row: number;
  col: number;
}

export type LineEnding = '' | '\n' | '\r\n' | '\r';

export interface CsvTable {
  readonly text: string;
  /** Physical records, header included; a final line terminator does not start a new row. */
  readonly rowCount: number;
  readonly hasBom: boolean;
  readonly hasTrailingNewline: boolean;
  /** At most MAX_STORED_ERRORS entries; `omittedErrorCount` says how many more were found. */
  readonly errors: readonly CsvSyntaxError[];
  readonly omittedErrorCount: number;
  cellCount(row: number): number;
  /** Raw range, quotes included. */
  cellStart(row: number, col: number): number;
  cellEnd(row: number, col: number): number;
  /** Unescaped value; '' when col is past the row's end. */
  cellValue(row: number, col: number): string;
  rowStart(row: number): number;
  /** Before the line terminator. */
  rowEnd(row: number): number;
  lineEnding(row: number): LineEnding;
  /** True when the cell is a well-formed quoted field (an unclosed quote does not count). */
  isQuoted(row: number, col: number): boolean;
  /** All values of a row, for callers that want the whole record. */
  rowValues(row: number): string[];
}

/** Beyond this, errors are only counted: a binary or badly broken file must not exhaust memory. */
export const MAX_STORED_ERRORS = 10000;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

export function scanCsv(text: string): CsvTable {
  const len = text.length;
  const hasBom = len > 0 && text.charCodeAt(0) === BOM;
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
          report('unclosed-quote', fieldStart, row, col);
          unclosed.add(fieldStart);
          pos++;
        } else {
          pos = i + 1;
          quotedOk = true;
        }
      }
      // Unquoted text (or the text after a closing quote) runs to the next comma or line break.
      let flagged = false;
      for (; pos < len; pos++) {
        c = text.charCodeAt(pos);
        if (c === COMMA || c === LF || c === CR) break;
        if (!flagged && (quotedOk || (c === QUOTE && !unclosed.has(fieldStart)))) {
          report(quotedOk ? 'text-after-closing-quote' : 'quote-in-unquoted-field', pos, row, col);
          flagged = true;
        }
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
  const last = cellEnds.length > 0 ? cellEnds.get(cellEnds.length - 1) : 0;
  return new ScannedTable(
    text,
    hasBom,
    row,
    row > 0 && last < len,
    rowStarts.toArray(),
    rowFirst.toArray(),
    cellEnds.toArray(),
    errors,
    omitted,
    unclosed,
  );
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

class ScannedTable implements CsvTable {
  constructor(
    readonly text: string,
    readonly hasBom: boolean,
    readonly rowCount: number,
    readonly hasTrailingNewline: boolean,
    private readonly starts: Uint32Array,
    private readonly first: Uint32Array,
    private readonly ends: Uint32Array,
    readonly errors: readonly CsvSyntaxError[],
    readonly omittedErrorCount: number,
    private readonly unclosed: ReadonlySet<number>,
  ) {}

  private checkRow(row: number): void {
    if (!(row >= 0 && row < this.rowCount) || !Number.isInteger(row)) {
      throw new RangeError(`row ${row} out of range 0..${this.rowCount - 1}`);
    }
  }

  private checkCell(row: number, col: number): number {
    this.checkRow(row);
    const first = this.first[row] as number;
    const count = (this.first[row + 1] as number) - first;
    if (!(col >= 0 && col < count) || !Number.isInteger(col)) {
      throw new RangeError(`column ${col} out of range 0..${count - 1} in row ${row}`);
    }
    return first + col;
  }

  cellCount(row: number): number {
    this.checkRow(row);
    return (this.first[row + 1] as number) - (this.first[row] as number);
  }

  cellStart(row: number, col: number): number {
    const i = this.checkCell(row, col);
    return col === 0 ? (this.starts[row] as number) : (this.ends[i - 1] as number) + 1;
  }

  cellEnd(row: number, col: number): number {
    return this.ends[this.checkCell(row, col)] as number;
  }

  cellValue(row: number, col: number): string {
    this.checkRow(row);
    if (col >= this.cellCount(row)) return '';
    const start = this.cellStart(row, col);
    const end = this.cellEnd(row, col);
    const text = this.text;
    if (text.charCodeAt(start) !== QUOTE || this.unclosed.has(start)) return text.slice(start, end);
    return decodeQuoted(text, start, end);
  }

  rowValues(row: number): string[] {
    const n = this.cellCount(row);
    const out = new Array<string>(n);
    for (let c = 0; c < n; c++) out[c] = this.cellValue(row, c);
    return out;
  }

  rowStart(row: number): number {
    this.checkRow(row);
    return this.starts[row] as number;
  }

  rowEnd(row: number): number {
    this.checkRow(row);
    return this.ends[(this.first[row + 1] as number) - 1] as number;
  }

  lineEnding(row: number): LineEnding {
    const end = this.rowEnd(row);
    const c = this.text.charCodeAt(end);
    if (c === LF) return '\n';
    if (c === CR) return this.text.charCodeAt(end + 1) === LF ? '\r\n' : '\r';
    return '';
  }

  isQuoted(row: number, col: number): boolean {
    const start = this.cellStart(row, col);
    return this.text.charCodeAt(start) === QUOTE && !this.unclosed.has(start);
  }
}

/** Value of a quoted field: the unescaped text between the quotes, then any stray text after them. */
function decodeQuoted(text: string, start: number, end: number): string {
  let i = start + 1;
  for (;;) {
    i = text.indexOf('"', i);
    if (i < 0 || i >= end) {
      // Unreachable for scanned quoted cells; kept so a bad call cannot loop or read past the cell.
      return text.slice(start, end);
    }
    if (i + 1 < end && text.charCodeAt(i + 1) === QUOTE) i += 2;
    else break;
  }
  const inner = text.slice(start + 1, i);
  const unescaped = inner.includes('"') ? inner.replace(/""/g, '"') : inner;
  return i + 1 < end ? unescaped + text.slice(i + 1, end) : unescaped;
}

// The contract lists offsetToLineColumn with the scanner; it lives with LineIndex.
export { offsetToLineColumn } from './position';
