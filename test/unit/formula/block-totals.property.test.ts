// The block caches of whole-column totals ignore changes of total rows' values (a whole-column range
// skips 小计/合计 rows). This checks that shortcut against a full recalculation: 小计 formulas inside
// the summed columns, whole-column and plain ranges over them, random edits, and rows turning into
// totals and back.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ArraySheet, FormulaEngine, type CellType } from '../../../src/core/formula';
import { shown } from './helpers';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);
const N = 1400;
const BLOCK = 50;

function build(): { cells: string[][]; totals: Set<number> } {
  const cells: string[][] = [['编号', '资金', '类别', '金额', '人数']];
  const totals = new Set<number>();
  for (let r = 1; r <= N; r++) {
    if (r % BLOCK === 0) {
      totals.add(r);
      cells.push([
        `S${r}`,
        '',
        '',
        `=SUM(D${r - BLOCK + 2}:D${r})`,
        `=COUNT(D${r - BLOCK + 2}:D${r})`,
      ]);
    } else cells.push([`E${r}`, r % 3 ? 'g' : 'h', r % 2 ? 'x' : 'y', `${r}.${r % 100}`, '1']);
  }
  const total = (d: string, e: string): void => {
    totals.add(cells.length);
    cells.push([`T${cells.length}`, '', '', d, e]);
  };
  total('=SUM(D:D)', '=SUMIFS(D:D,B:B,"g",C:C,"x")');
  total('=SUMIF(B:B,"h",D:D)', '=COUNTIF(C:C,"x")');
  // Not whole-column: these include the 小计 rows, so they must see every change of theirs.
  total(`=SUM(D2:D${N + 1})`, `=SUMIF(D2:D${N + 1},">100")`);
  total('=SUM(E:E)', `=SUM(E2:E${N + 1})`);
  return { cells, totals };
}

describe('FormulaEngine block caches and total rows', () => {
  it('every formula equals a full recalculation after edits, 小计 changes and rows turning into totals', () => {
    const types: CellType[] = ['text', 'text', 'text', '元', 'number'];
    const edit = fc.oneof(
      fc.tuple(
        fc.constant('set' as const),
        fc.integer({ min: 1, max: N + 4 }),
        fc.constantFrom(1, 2, 3, 4),
        fc.oneof(
          fc.constantFrom('g', 'h', 'x', 'y', '', '=D2*3', '=SUM(D2:D40)', '=SUM(D:D)'),
          fc.integer({ min: -50000, max: 50000 }).map((n) => (n / 100).toFixed(2)),
        ),
      ),
      fc.tuple(
        fc.constant('toggle' as const),
        fc.integer({ min: 1, max: N }),
        fc.constant(0),
        fc.constant(''),
      ),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const { cells, totals } = build();
        const sheet = new ArraySheet(cells, types, 0, totals);
        const engine = new FormulaEngine(sheet);
        for (const [kind, r, c, raw] of edits) {
          if (kind === 'toggle') {
            // A kind cell edited to 小计 or back: the sheet says so, the engine hears of the row.
            if (totals.has(r)) totals.delete(r);
            else totals.add(r);
            engine.setCell(r, 2, sheet.raw(r, 2));
          } else {
            sheet.set(r, c, raw);
            engine.setCell(r, c, raw);
          }
        }
        const fresh = new FormulaEngine(sheet);
        const formulas = new Set(
          [...engine.formulaCells(), ...fresh.formulaCells()].map((a) => `${a.row}:${a.col}`),
        );
        for (const key of formulas) {
          const [r, c] = key.split(':').map(Number) as [number, number];
          assert.equal(shown(engine.value(r, c)), shown(fresh.value(r, c)), `row ${r} col ${c}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
