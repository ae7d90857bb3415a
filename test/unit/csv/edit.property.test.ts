import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  applyEdit,
  deleteRows,
  editCell,
  insertRows,
  scanCsv,
  type CsvTable,
} from '../../../src/core/csv';
import { cellValue, grid, gridOf, rawCell, rawRow, runs, wellFormed } from './arbitraries';

/** What the grid should become after editCell, as the user sees it. */
function expectEdit(model: string[][], row: number, col: number, value: string): string[][] {
  const next = model.map((r) => [...r]);
  const exists = row < next.length && col < (next[row] as string[]).length;
  if (value === '' && !exists) return next;
  while (next.length <= row) next.push(['']);
  const target = next[row] as string[];
  while (target.length <= col) target.push('');
  target[col] = value;
  return next;
}

/** Every cell other than (row, col) keeps its raw text; every old row keeps its line ending. */
function assertUntouched(before: CsvTable, after: CsvTable, row: number, col: number): void {
  assert.equal(after.hasBom, before.hasBom);
  for (let r = 0; r < before.rowCount; r++) {
    const last = r === before.rowCount - 1;
    // Appending after an unterminated last row gives that row its first terminator.
    if (!(last && row >= before.rowCount)) assert.equal(after.lineEnding(r), before.lineEnding(r));
    for (let c = 0; c < before.cellCount(r); c++) {
      if (r === row && c === col) continue;
      assert.equal(rawCell(after, r, c), rawCell(before, r, c));
    }
  }
}

const editStep = fc.record({
  row: fc.nat({ max: 10 }),
  col: fc.nat({ max: 8 }),
  value: cellValue,
});

describe('edit properties', () => {
  it('random edit sequences change only the edited cell and re-parse to the intended grid', () => {
    fc.assert(
      fc.property(
        wellFormed(false),
        fc.array(editStep, { minLength: 1, maxLength: 8 }),
        ({ text, grid: start }, steps) => {
          let table = scanCsv(text);
          let model = start;
          for (const { row, col, value } of steps) {
            const e = editCell(table, row, col, value);
            if (row < table.rowCount && col < table.cellCount(row)) {
              assert.equal(e.start, table.cellStart(row, col));
              assert.equal(e.end, table.cellEnd(row, col));
            } else {
              assert.equal(e.start, e.end, 'a missing cell is a pure insertion');
            }
            const next = scanCsv(applyEdit(table.text, e));
            model = expectEdit(model, row, col, value);
            assert.deepEqual(gridOf(next), model);
            assert.deepEqual(next.errors, []);
            assertUntouched(table, next, row, col);
            table = next;
          }
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('insertRows inserts without touching any existing byte', () => {
    fc.assert(
      fc.property(wellFormed(false), grid, fc.nat(), ({ text, grid: g }, rows, at) => {
        const table = scanCsv(text);
        const before = at % (table.rowCount + 1);
        const e = insertRows(table, before, rows);
        assert.equal(e.start, e.end);
        const next = scanCsv(applyEdit(text, e));
        const expected = [
          ...g.slice(0, before),
          ...rows.map((r) => (r.length ? r : [''])),
          ...g.slice(before),
        ];
        assert.deepEqual(gridOf(next), expected);
        for (let r = 0; r < table.rowCount; r++) {
          const moved = r < before ? r : r + rows.length;
          assert.equal(rawRow(next, moved), rawRow(table, r));
          if (r < table.rowCount - 1 || table.hasTrailingNewline) {
            assert.equal(next.lineEnding(moved), table.lineEnding(r));
          }
        }
        const lastRow = rows.at(-1) ?? [];
        const emptyLine = lastRow.length === 0 || (lastRow.length === 1 && lastRow[0] === '');
        const appendedEmpty = before === table.rowCount && emptyLine;
        assert.equal(next.hasTrailingNewline, table.hasTrailingNewline || appendedEmpty);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('deleteRows removes exactly the deleted rows and keeps every other row byte for byte', () => {
    fc.assert(
      fc.property(wellFormed(false), fc.nat(), fc.nat(), ({ text, grid: g }, a, b) => {
        const table = scanCsv(text);
        const first = a % table.rowCount;
        const count = b % (table.rowCount - first + 1);
        // A row that starts with U+FEFF becomes the file's BOM once it is first in a BOM-less file;
        // every UTF-8 reader (and VS Code) reads it that way, so that case is out of scope.
        const exposed = first === 0 && count < table.rowCount && !table.hasBom;
        fc.pre(!(exposed && text.charCodeAt(table.rowStart(count)) === 0xfeff));
        const e = deleteRows(table, first, count);
        const next = scanCsv(applyEdit(text, e));
        assert.deepEqual(gridOf(next), [...g.slice(0, first), ...g.slice(first + count)]);
        for (let r = 0; r < table.rowCount; r++) {
          if (r >= first && r < first + count) continue;
          const moved = r < first ? r : r - count;
          assert.equal(rawRow(next, moved), rawRow(table, r));
          // Deleting between a lone CR and an LF takes the CR instead, so that row now ends in LF.
          const crTaken = r === first - 1 && e.start === table.rowStart(first) - 1;
          if (moved < next.rowCount - 1 && !crTaken) {
            assert.equal(next.lineEnding(moved), table.lineEnding(r));
          }
        }
        // The removed text is the deleted rows plus, at most, one neighbouring terminator.
        const removed = text.slice(e.start, e.end);
        let rows = '';
        for (let r = first; r < first + count; r++) rows += rawRow(table, r) + table.lineEnding(r);
        const shifted = '\r' + rows.slice(0, -1);
        assert.ok(removed === rows || removed === shifted || removed.endsWith(rows));
        assert.ok(removed.length - rows.length <= 2);
      }),
      { numRuns: runs(1000) },
    );
  });
});
