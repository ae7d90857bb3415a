// PatchedTable must answer exactly like a fresh scan of the edited text, for any sequence of splices
// it accepts; and it must refuse any splice that could change the table's shape.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdit, editCell, scanCsv, type CsvTable } from '../../../src/core/csv';
import { PatchedTable } from '../../../src/shared/patchedTable';
import { anyText, runs } from '../csv/arbitraries';

function sameTable(actual: CsvTable, expected: CsvTable): void {
  assert.equal(actual.text, expected.text);
  assert.equal(actual.rowCount, expected.rowCount);
  assert.equal(actual.hasTrailingNewline, expected.hasTrailingNewline);
  assert.equal(actual.errors.length, expected.errors.length);
  for (let r = 0; r < expected.rowCount; r++) {
    assert.equal(actual.rowStart(r), expected.rowStart(r), `rowStart ${r}`);
    assert.equal(actual.rowEnd(r), expected.rowEnd(r), `rowEnd ${r}`);
    assert.equal(actual.lineEnding(r), expected.lineEnding(r));
    assert.equal(actual.cellCount(r), expected.cellCount(r));
    for (let c = 0; c < expected.cellCount(r); c++) {
      assert.equal(actual.cellStart(r, c), expected.cellStart(r, c), `cellStart ${r},${c}`);
      assert.equal(actual.cellEnd(r, c), expected.cellEnd(r, c), `cellEnd ${r},${c}`);
      assert.equal(actual.isQuoted(r, c), expected.isQuoted(r, c), `isQuoted ${r},${c}`);
      assert.equal(actual.cellValue(r, c), expected.cellValue(r, c), `cellValue ${r},${c}`);
    }
  }
}

const plainValue = fc.stringMatching(/^[a-z0-9.中金 -]{0,5}$/);

describe('PatchedTable', () => {
  it('matches a fresh scan after whole-cell edits (as the grid makes them)', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.array(
          fc.tuple(fc.nat(6), fc.nat(6), fc.oneof(plainValue, fc.string({ maxLength: 4 }))),
          {
            maxLength: 10,
          },
        ),
        (text, edits) => {
          let table: CsvTable = scanCsv(text);
          for (const [r, c, value] of edits) {
            if (table.rowCount === 0) return;
            const row = r % table.rowCount;
            const col = c % table.cellCount(row);
            const edit = editCell(table, row, col, value);
            const next = applyEdit(table.text, edit);
            const patched = PatchedTable.patch(table, edit, next);
            table = patched ? patched.table : scanCsv(next);
            if (patched) assert.deepEqual([patched.row, patched.col], [row, col]);
            sameTable(table, scanCsv(next));
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('matches a fresh scan after character edits inside cells (as a text editor makes them)', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.array(fc.tuple(fc.nat(), fc.nat(3), plainValue), { maxLength: 10 }),
        (text, edits) => {
          let table: CsvTable = scanCsv(text);
          for (const [at, cut, insert] of edits) {
            const start = table.text.length === 0 ? 0 : at % table.text.length;
            const end = Math.min(table.text.length, start + cut);
            const splice = { start, end, text: insert };
            const next = applyEdit(table.text, splice);
            const patched = PatchedTable.patch(table, splice, next);
            table = patched ? patched.table : scanCsv(next);
            sameTable(table, scanCsv(next));
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('refuses splices that could change the shape', () => {
    const table = scanCsv('a,"b,c"\n1,2');
    const at = (start: number, end: number, text: string) =>
      PatchedTable.patch(table, { start, end, text }, applyEdit(table.text, { start, end, text }));
    assert.equal(at(0, 1, 'x,y'), undefined);
    assert.equal(at(0, 1, '"'), undefined);
    assert.equal(at(0, 1, '\n'), undefined);
    assert.equal(at(4, 5, 'z'), undefined, 'inside quotes, not the whole cell');
    assert.ok(at(2, 7, 'bc'), 'a whole quoted cell replaced by plain text');
  });
});
