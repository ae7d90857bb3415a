// Every message from a webview is untrusted input (a compromised or buggy webview can post anything):
// it is checked here, field by field, before anything touches the document.
import type { CellWrite, DisplayUnit, GridFromWebview, GridUnitChoice } from '../shared/protocol';

/** Upper bounds that no honest grid message reaches; beyond them a message is rejected, not clipped. */
export const LIMITS = {
  /** VS Code hands extensions at most 50 MB of text; one cell cannot be bigger than that. */
  maxValueLength: 1_000_000,
  maxCellsPerEdit: 200_000,
  /** Total characters in one editCells payload. */
  maxPayloadChars: 20_000_000,
  maxRowsPerInsert: 100_000,
  maxIndex: 10_000_000,
} as const;

export type Validated = { ok: true; message: GridFromWebview } | { ok: false; reason: string };

const UNITS: readonly DisplayUnit[] = ['元', '万元', '亿元'];

export function isDisplayUnit(value: unknown): value is DisplayUnit {
  return UNITS.some((u) => u === value);
}

export function isGridUnitChoice(value: unknown): value is GridUnitChoice {
  return value === 'asDeclared' || isDisplayUnit(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown, min = 0): value is number {
  return (
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= min &&
    value <= LIMITS.maxIndex
  );
}

function isValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LIMITS.maxValueLength;
}

function cellWrite(value: unknown): CellWrite | undefined {
  if (!isRecord(value)) return undefined;
  const { row, col, value: text } = value;
  if (!isIndex(row) || !isIndex(col) || !isValue(text)) return undefined;
  return { row, col, value: text };
}

function fail(reason: string): Validated {
  return { ok: false, reason };
}

/** Narrows an unknown posted value to a grid message, or says why it was rejected. */
export function validateGridMessage(raw: unknown): Validated {
  if (!isRecord(raw) || typeof raw['type'] !== 'string') return fail('not an object with a type');
  const m = raw;
  switch (m['type']) {
    case 'ready':
    case 'undo':
    case 'redo':
    case 'openAsText':
    case 'requestText':
      return { ok: true, message: { type: m['type'] } };
    case 'editCell': {
      const cell = cellWrite(m);
      if (!cell) return fail('editCell: row/col must be integers in range and value a string');
      return { ok: true, message: { type: 'editCell', ...cell } };
    }
    case 'editCells': {
      const cells = m['cells'];
      if (!Array.isArray(cells) || cells.length === 0 || cells.length > LIMITS.maxCellsPerEdit) {
        return fail('editCells: cells must be a non-empty array within the size limit');
      }
      const out: CellWrite[] = [];
      let chars = 0;
      for (const item of cells) {
        const cell = cellWrite(item);
        if (!cell) return fail('editCells: malformed cell');
        chars += cell.value.length;
        if (chars > LIMITS.maxPayloadChars) return fail('editCells: payload too large');
        out.push(cell);
      }
      return { ok: true, message: { type: 'editCells', cells: out } };
    }
    case 'insertRows': {
      const { before, count } = m;
      if (!isIndex(before, 1) || !isIndex(count, 1) || count > LIMITS.maxRowsPerInsert) {
        return fail('insertRows: before ≥ 1 and 1 ≤ count within the limit');
      }
      return { ok: true, message: { type: 'insertRows', before, count } };
    }
    case 'deleteRows': {
      const { first, count } = m;
      if (!isIndex(first, 1) || !isIndex(count, 1)) return fail('deleteRows: first ≥ 1, count ≥ 1');
      return { ok: true, message: { type: 'deleteRows', first, count } };
    }
    case 'selection': {
      const { row, col, count, numericCount, sumFen } = m;
      const sumOk = sumFen === null || (typeof sumFen === 'string' && /^-?\d{1,40}$/.test(sumFen));
      if (!isIndex(row) || !isIndex(col) || !isIndex(count) || !isIndex(numericCount) || !sumOk) {
        return fail('selection: malformed');
      }
      return {
        ok: true,
        message: { type: 'selection', row, col, count, numericCount, sumFen },
      };
    }
    case 'setDisplayUnit': {
      const unit = m['unit'];
      if (!isGridUnitChoice(unit)) return fail('setDisplayUnit: unknown unit');
      return { ok: true, message: { type: 'setDisplayUnit', unit } };
    }
    default:
      return fail(`unknown message type ${JSON.stringify(String(m['type']).slice(0, 40))}`);
  }
}
