// The grid's batched writes (paste, fill, Delete over a range) through the core edit API: whatever the
// line endings, BOM or final newline, only the written cells change and every other byte stays.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { scanCsv, type CsvTable, type TextEdit } from '../../../src/core/csv';
import { editsForWrites } from '../../../src/extension/gridEdits';
import { cellValue, gridOf, rawCell, runs, wellFormed } from '../csv/arbitraries';

/**
 * The grid a user expects: each cell's last write, applied in order. Clearing a cell that does not
 * exist adds nothing, even when an earlier write in the batch would have created it.
 */
function expected(start: string[][], writes: { row: number; col: number; value: string }[]) {
  const next = start.map((r) => [...r]);
  const final = new Map(writes.map((w) => [`${w.row},${w.col}`, w]));
  for (const { row, col, value } of final.values()) {
    const exists = row < next.length && col < (next[row] as string[]).length;
    if (value === '' && !exists) continue;
    while (next.length <= row) next.push(['']);
    const target = next[row] as string[];
    while (target.length <= col) target.push('');
    target[col] = value;
  }
  return next;
}

/** Applies edits that are all relative to `text`, checking that none overlap. */
function applyAll(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++)
    assert.ok((sorted[i - 1] as TextEdit).end <= (sorted[i] as TextEdit).start, 'edits overlap');
  let out = text;
  for (const e of sorted.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function assertUntouched(before: CsvTable, after: CsvTable, written: Set<string>): void {
  assert.equal(after.hasBom, before.hasBom);
  for (let r = 0; r < before.rowCount; r++) {
    if (r < before.rowCount - 1 || before.hasTrailingNewline)
      assert.equal(after.lineEnding(r), before.lineEnding(r), `line ending of row ${r}`);
    for (let c = 0; c < before.cellCount(r); c++) {
      if (written.has(`${r},${c}`)) continue;
      assert.equal(rawCell(after, r, c), rawCell(before, r, c), `raw bytes of ${r},${c}`);
    }
  }
}

const write = fc.record({ row: fc.nat({ max: 10 }), col: fc.nat({ max: 7 }), value: cellValue });

describe('grid writes (editsForWrites)', () => {
  it('change only the written cells, whatever the line endings, BOM and final newline', () => {
    fc.assert(
      fc.property(
        wellFormed(false),
        fc.array(write, { minLength: 1, maxLength: 10 }),
        ({ text, grid }, writes) => {
          const table = scanCsv(text);
          const after = scanCsv(applyAll(text, editsForWrites(table, writes)));
          assert.deepEqual(after.errors, []);
          assert.deepEqual(gridOf(after), expected(grid, writes));
          assertUntouched(table, after, new Set(writes.map((w) => `${w.row},${w.col}`)));
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('extending a row keeps a lone-CR file, a BOM header and a missing final newline', () => {
    const cases: [string, { row: number; col: number; value: string }[], string][] = [
      ['a,b\rc\rd', [{ row: 1, col: 2, value: 'x' }], 'a,b\rc,,x\rd'],
      ['\uFEFFa,b\r\nc', [{ row: 1, col: 1, value: 'y' }], '\uFEFFa,b\r\nc,y'],
      [
        'a\nb',
        [
          { row: 0, col: 0, value: '\uFEFFh' },
          { row: 0, col: 2, value: 'z' },
        ],
        '"\uFEFFh",,z\nb',
      ],
      [
        'a,b\n\nc',
        [
          { row: 1, col: 1, value: 'v' },
          { row: 1, col: 0, value: '' },
        ],
        'a,b\n,v\nc',
      ],
    ];
    for (const [text, writes, want] of cases)
      assert.equal(
        applyAll(text, editsForWrites(scanCsv(text), writes)),
        want,
        JSON.stringify(text),
      );
  });
});
