// The table scanCsv returns: offsets in typed arrays, values decoded on demand.
// Layout (see scan.ts): `ends[i]` is the offset just past cell i; `first[r]` is row r's first cell
// index (`first[rowCount]` closes the list); `starts[r]` is row r's first character.

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

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class ScannedTable implements CsvTable {
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

  // Called for every cell by the validator, so it checks once and reads the arrays directly.
  cellValue(row: number, col: number): string {
    this.checkRow(row);
    const first = this.first[row] as number;
    if (!(col >= 0 && Number.isInteger(col))) throw new RangeError(`column ${col} is not valid`);
    if (col >= (this.first[row + 1] as number) - first) return '';
    const i = first + col;
    const start = col === 0 ? (this.starts[row] as number) : (this.ends[i - 1] as number) + 1;
    const end = this.ends[i] as number;
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
