import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { scanCsv, scanCsvChunk, type CsvSyntaxError } from '../../../src/core/csv';
import { anyText, runs, wellFormed } from './arbitraries';

interface FlatRow {
  start: number;
  cells: [number, number, string, boolean][];
  ending: string;
}

/** Streams `text` through scanCsvChunk, cut at the given points, and flattens what it reports. */
function streamed(text: string, cuts: number[]): { rows: FlatRow[]; errors: CsvSyntaxError[] } {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const rows: FlatRow[] = [];
  const errors: CsvSyntaxError[] = [];
  let carry = '';
  let base = 0; // offset of `carry`'s first character in the whole text
  let prev = 0;
  let first = true;
  for (const end of [...points, text.length]) {
    const final = end === text.length;
    const chunk = carry + text.slice(prev, end);
    prev = end;
    const { table, consumed } = scanCsvChunk(chunk, { final, atFileStart: first });
    const rowBase = rows.length;
    for (let r = 0; r < table.rowCount; r++) {
      const cells: FlatRow['cells'] = [];
      for (let c = 0; c < table.cellCount(r); c++) {
        cells.push([
          base + table.cellStart(r, c),
          base + table.cellEnd(r, c),
          table.cellValue(r, c),
          table.isQuoted(r, c),
        ]);
      }
      rows.push({ start: base + table.rowStart(r), cells, ending: table.lineEnding(r) });
    }
    for (const e of table.errors)
      errors.push({ ...e, offset: base + e.offset, row: rowBase + e.row });
    if (consumed > 0) first = false;
    carry = chunk.slice(consumed);
    base += consumed;
    if (final) assert.equal(carry, '');
  }
  return { rows, errors };
}

function whole(text: string): { rows: FlatRow[]; errors: CsvSyntaxError[] } {
  return streamed(text, []);
}

describe('scanCsvChunk properties', () => {
  it('streaming any text in pieces gives exactly what scanning it whole gives', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          wellFormed(false).map((g) => g.text),
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, cuts) => {
          const expected = whole(text);
          assert.equal(expected.rows.length, scanCsv(text).rowCount);
          assert.deepEqual(streamed(text, cuts), expected);
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});
