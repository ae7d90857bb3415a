// Sort File By…: the data rows in the order of one column, as one edit. Each row keeps its bytes
// except formula cells whose A1 references had to follow the rows they point at (docs/grid.md).
import type { CsvTable, TextEdit } from '../csv';
import { quoteField } from '../csv/edit';
import type { CellAddress } from '../formula/types';
import { reorderRowReferences } from '../formula/reorder';
import { parseAmount } from '../money/parse';
import type { Unit } from '../money/units';
import { formulaSheet, isFormulaCell } from './formula-sheet';
import { MONEY_ROLES, resolveSchema } from './schema';
import type { RawCells } from './sheet';

type Key = { n: bigint | number } | { s: string };

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });

function keyOf(table: CsvTable, row: number, col: number, unit: Unit | null): Key {
  const raw = table.cellValue(row, col).trim();
  if (unit) {
    const parsed = parseAmount(raw, unit);
    if (parsed.ok) return { n: parsed.fen };
  } else if (/^[-+]?\d+(\.\d+)?$/.test(raw)) {
    return { n: Number(raw) };
  }
  return { s: raw };
}

/** Numbers before text; equal keys keep the file's order (Array.prototype.sort is stable). */
function compare(a: Key, b: Key): number {
  if ('n' in a && 'n' in b) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  if ('n' in a) return -1;
  if ('n' in b) return 1;
  return collator.compare(a.s, b.s);
}

export type SortOutcome =
  | { kind: 'unchanged' }
  | { kind: 'edit'; edit: TextEdit; rewritten: CellAddress[] }
  /** Formulas (pre-sort positions) with a range the new order would split: nothing is changed. */
  | { kind: 'split-ranges'; cells: CellAddress[] };

export function tableCells(table: CsvTable): RawCells {
  return {
    rowCount: table.rowCount,
    colCount: table.rowCount > 0 ? table.cellCount(0) : 0,
    raw: (row, col) =>
      row >= 0 && row < table.rowCount && col < table.cellCount(row)
        ? table.cellValue(row, col)
        : '',
  };
}

/** The data rows 1..n-1 in order of `col` (header fixed, empty cells last whichever the direction). */
export function sortedRowOrder(table: CsvTable, col: number, descending: boolean): number[] {
  const last = table.rowCount - 1;
  if (last < 1) return [];
  const header = resolveSchema(table.rowValues(0)).headers[col];
  const unit =
    header && header.role !== 'extra' && MONEY_ROLES.has(header.role)
      ? (header.unit ?? '元')
      : null;
  const rows = Array.from({ length: last }, (_, i) => i + 1);
  const keys = rows.map((row) => keyOf(table, row, col, unit));
  const sign = descending ? -1 : 1;
  const empty = (k: Key | undefined): boolean => k === undefined || ('s' in k && k.s === '');
  rows.sort((a, b) => {
    const ka = keys[a - 1];
    const kb = keys[b - 1];
    if (empty(ka) || empty(kb)) return empty(ka) === empty(kb) ? 0 : empty(ka) ? 1 : -1;
    return ka && kb ? sign * compare(ka, kb) : 0;
  });
  return rows;
}

/**
 * Sorts the file's data rows by `col`. Formulas' A1 references follow the rows they point at; when
 * a range's rows would no longer be one block, the sort is refused and those formulas are named.
 */
export function sortRows(table: CsvTable, col: number, descending: boolean): SortOutcome {
  if (table.rowCount < 3) return { kind: 'unchanged' };
  const rows = sortedRowOrder(table, col, descending);
  if (rows.every((row, i) => row === i + 1)) return { kind: 'unchanged' };
  const newRow = new Int32Array(table.rowCount);
  rows.forEach((row, i) => (newRow[row] = i + 1));
  const sheet = formulaSheet(tableCells(table));
  const rewrites = new Map<number, Map<number, string>>();
  const rewritten: CellAddress[] = [];
  const split: CellAddress[] = [];
  for (let row = 1; row < table.rowCount; row++) {
    for (let c = 0; c < table.cellCount(row); c++) {
      if (!isFormulaCell(sheet, row, c)) continue;
      const raw = table.cellValue(row, c);
      const r = reorderRowReferences(raw, newRow);
      if (!r.ok) split.push({ row, col: c });
      else if (r.text !== raw) {
        let m = rewrites.get(row);
        if (!m) rewrites.set(row, (m = new Map()));
        m.set(c, r.text);
        rewritten.push({ row: newRow[row] as number, col: c });
      }
    }
  }
  if (split.length > 0) return { kind: 'split-ranges', cells: split };
  let text = '';
  rows.forEach((row, i) => {
    text += rowText(table, row, rewrites.get(row));
    if (i < rows.length - 1) text += table.lineEnding(i + 1);
  });
  const last = table.rowCount - 1;
  const edit = { start: table.rowStart(1), end: table.rowEnd(last), text };
  return {
    kind: 'edit',
    edit,
    rewritten: rewritten.sort((a, b) => a.row - b.row || a.col - b.col),
  };
}

/** The row's exact source, with only the rewritten formula cells replaced. */
function rowText(table: CsvTable, row: number, cells: Map<number, string> | undefined): string {
  const start = table.rowStart(row);
  if (!cells) return table.text.slice(start, table.rowEnd(row));
  let out = '';
  let at = start;
  for (const c of [...cells.keys()].sort((a, b) => a - b)) {
    const value = cells.get(c) ?? '';
    // A cell that was quoted stays quoted, so only its references change.
    const written = table.isQuoted(row, c) ? `"${value.replace(/"/g, '""')}"` : quoteField(value);
    out += table.text.slice(at, table.cellStart(row, c)) + written;
    at = table.cellEnd(row, c);
  }
  return out + table.text.slice(at, table.rowEnd(row));
}
