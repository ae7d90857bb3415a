// fast-check generators for CSV property tests, and the small reference helpers they compare with.
import * as fc from 'fast-check';
import { quoteField, type CsvTable } from '../../../src/core/csv';

/** CI runs a few thousand cases per property; `npm run fuzz` sets FUZZ_RUNS much higher. */
export function runs(ciDefault: number): number {
  const fromEnv = Number(process.env['FUZZ_RUNS']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : ciDefault;
}

/** Pieces that stress CSV: delimiters, quotes, every line break, spaces, CJK, astral and BOM chars. */
const piece = fc.constantFrom(
  'a',
  'Z',
  '0',
  '1.5',
  '-100.00',
  ',',
  '"',
  '""',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '\t',
  '中',
  '金额',
  '😀',
  '\uFEFF',
  '=',
  "'",
);

export const cellValue: fc.Arbitrary<string> = fc
  .array(piece, { maxLength: 6 })
  .map((parts) => parts.join(''));

export const grid: fc.Arbitrary<string[][]> = fc.array(
  fc.array(cellValue, { minLength: 1, maxLength: 6 }),
  { minLength: 1, maxLength: 8 },
);

export type Newline = '\n' | '\r\n' | '\r';
export const newline: fc.Arbitrary<Newline> = fc.constantFrom('\n', '\r\n', '\r');

/** A field as some writer might put it: quoted when needed, sometimes quoted anyway. */
function writeField(value: string, forceQuote: boolean): string {
  return forceQuote ? `"${value.replace(/"/g, '""')}"` : quoteField(value);
}

export interface GeneratedCsv {
  text: string;
  grid: string[][];
}

/**
 * Well-formed CSV from a grid: optional BOM, a line ending per row (one for all when `uniform`),
 * optional trailing newline. Where the text alone could not express the grid (a value read as the
 * BOM, a last row that is one empty unquoted cell) the field is quoted.
 */
export function wellFormed(uniform: boolean): fc.Arbitrary<GeneratedCsv> {
  return fc
    .record({
      grid,
      bom: fc.boolean(),
      trailing: fc.boolean(),
      endings: fc.array(newline, { minLength: 8, maxLength: 8 }),
      quoteSeed: fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }),
    })
    .map(({ grid: g, bom, trailing, endings, quoteSeed }) => {
      let text = bom ? '\uFEFF' : '';
      g.forEach((row, r) => {
        const isLast = r === g.length - 1;
        text += row
          .map((v, c) => {
            const atStart = !bom && r === 0 && c === 0 && v.startsWith('\uFEFF');
            const ending = uniform ? endings[0] : endings[r];
            const prevCr = r > 0 && (uniform ? endings[0] : endings[r - 1]) === '\r';
            const fuses = prevCr && (isLast && !trailing ? false : ending !== '\r');
            const vanishing = row.length === 1 && v === '' && ((isLast && !trailing) || fuses);
            return writeField(v, atStart || vanishing || quoteSeed[(r * 6 + c) % 48] === true);
          })
          .join(',');
        if (!isLast || trailing) text += (uniform ? endings[0] : endings[r]) as string;
      });
      return { text, grid: g };
    });
}

/** Arbitrary text over the same alphabet: mostly malformed CSV. */
export const anyText: fc.Arbitrary<string> = fc
  .array(piece, { maxLength: 40 })
  .map((parts) => parts.join(''));

export function gridOf(table: CsvTable): string[][] {
  const rows: string[][] = [];
  for (let r = 0; r < table.rowCount; r++) rows.push(table.rowValues(r));
  return rows;
}

export function rawCell(table: CsvTable, row: number, col: number): string {
  return table.text.slice(table.cellStart(row, col), table.cellEnd(row, col));
}

export function rawRow(table: CsvTable, row: number): string {
  return table.text.slice(table.rowStart(row), table.rowEnd(row));
}

/** The text rebuilt from nothing but the recorded ranges and terminators. */
export function rebuild(table: CsvTable): string {
  let out = table.hasBom ? '\uFEFF' : '';
  for (let r = 0; r < table.rowCount; r++) {
    for (let c = 0; c < table.cellCount(r); c++) out += (c > 0 ? ',' : '') + rawCell(table, r, c);
    out += table.lineEnding(r);
  }
  return out;
}
