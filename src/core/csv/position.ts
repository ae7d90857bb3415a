// Offsets to 1-based line/column the way VS Code counts them: CRLF, LF and a lone CR each end a
// line, and columns are UTF-16 code units. (A CSV row and an editor line differ as soon as a quoted
// cell contains a line break, so diagnostics must convert offsets, not use row numbers.)

export interface LineColumn {
  line: number;
  column: number;
}

const LF = 10;
const CR = 13;

/** One lookup; for many, build a LineIndex once. Offsets are clamped to the text. */
export function offsetToLineColumn(text: string, offset: number): LineColumn {
  const target = clamp(offset, text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < target; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: target - lineStart + 1 };
}

/** Line starts of a text, for O(log n) offset lookups when a validator reports many problems. */
export class LineIndex {
  private readonly starts: Uint32Array;
  private readonly length: number;

  constructor(text: string) {
    let starts = new Uint32Array(1024);
    let count = 1; // starts[0] = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
        if (count === starts.length) {
          const next = new Uint32Array(starts.length * 2);
          next.set(starts);
          starts = next;
        }
        starts[count++] = i + 1;
      }
    }
    this.starts = starts.slice(0, count);
    this.length = text.length;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    const s = this.starts[line - 1];
    if (s === undefined) throw new RangeError(`line ${line} out of range 1..${this.lineCount}`);
    return s;
  }

  positionAt(offset: number): LineColumn {
    const target = clamp(offset, this.length);
    // Last line start <= target.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= target) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: target - (this.starts[lo] as number) + 1 };
  }
}

function clamp(offset: number, length: number): number {
  if (!(offset > 0)) return 0;
  return offset > length ? length : Math.floor(offset);
}
