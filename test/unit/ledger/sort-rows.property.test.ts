// Sorting the file must not change any formula's value: every A1 reference follows its row, or the
// sort is refused. Random sheets of numbers and formulas, sorted by a random key column.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdit, scanCsv } from '../../../src/core/csv';
import { FormulaEngine } from '../../../src/core/formula/engine';
import { PlainSheet } from '../../../src/core/ledger/formula-sheet';
import { sortRows, tableCells } from '../../../src/core/ledger/sort-rows';
import { runs } from '../csv/arbitraries';

/** Each row's value in column C, by the row's id (column A). */
function valuesById(text: string): Map<string, string> {
  const table = scanCsv(text);
  const engine = new FormulaEngine(new PlainSheet(tableCells(table)));
  const out = new Map<string, string>();
  for (let row = 1; row < table.rowCount; row++) {
    const v = engine.value(row, 2);
    out.set(table.cellValue(row, 0), v.kind === 'number' ? v.value : v.kind);
  }
  return out;
}

const formula = (rows: number) =>
  fc.oneof(
    fc.nat({ max: rows - 1 }).map((r) => `=B${r + 2}*2`),
    fc
      .tuple(fc.nat({ max: rows - 1 }), fc.nat({ max: rows - 1 }))
      .map(([a, b]) => `=SUM(B${Math.min(a, b) + 2}:B${Math.max(a, b) + 2})`),
    fc.integer({ min: -50, max: 50 }).map(String),
  );

const sheet = fc.integer({ min: 2, max: 9 }).chain((rows) =>
  fc.record({
    keys: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: rows, maxLength: rows }),
    values: fc.array(fc.integer({ min: -99, max: 99 }), { minLength: rows, maxLength: rows }),
    formulas: fc.array(formula(rows), { minLength: rows, maxLength: rows }),
    by: fc.constantFrom(1, 3),
    descending: fc.boolean(),
  }),
);

describe('sortRows properties', () => {
  it('every formula keeps its value after a sort, or the sort is refused', () => {
    fc.assert(
      fc.property(sheet, ({ keys, values, formulas, by, descending }) => {
        const lines = keys.map((k, i) => `r${i},${values[i]},"${formulas[i]}",${k}`);
        const text = `id,B,C,key\n${lines.join('\n')}\n`;
        const out = sortRows(scanCsv(text), by, descending);
        if (out.kind !== 'edit') return;
        const after = applyEdit(text, out.edit);
        assert.deepEqual(valuesById(after), valuesById(text));
      }),
      { numRuns: runs(300) },
    );
  });
});
