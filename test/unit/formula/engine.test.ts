import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ArraySheet, FormulaEngine, type CellType } from '../../../src/core/formula';
import { ledger, shown } from './helpers';

function allValues(engine: FormulaEngine, sheet: ArraySheet): string[] {
  const out: string[] = [];
  for (let r = 1; r < sheet.rowCount; r++)
    for (let c = 0; c < sheet.colCount; c++)
      out.push(
        JSON.stringify(engine.value(r, c), (_k, v: unknown) =>
          typeof v === 'bigint' ? v.toString() : v,
        ),
      );
  return out;
}

describe('FormulaEngine incremental recalculation', () => {
  it('setCell recomputes dependants only and reports exactly the changed cells', () => {
    const { sheet, engine } = ledger(
      [
        ['A', 'f', 'x', '10', '', ''],
        ['B', 'f', 'y', '20', '', ''],
        ['C', 'g', 'x', '=D2*2', '', ''],
        ['D', 'g', 'y', '=D3+1', '', ''],
        ['T', '', '合计', '=SUM(D:D)', '', ''],
      ],
      { totals: [5] },
    );
    assert.equal(shown(engine.value(5, 3)), '71.00');
    sheet.set(1, 3, '15');
    const changed = engine.setCell(1, 3, '15');
    assert.deepEqual(changed.map((c) => `${c.row},${c.col}`).sort(), ['1,3', '3,3', '5,3']);
    assert.equal(shown(engine.value(3, 3)), '30.00');
    assert.equal(shown(engine.value(5, 3)), '86.00');
    // Editing a text cell nothing reads changes nothing else.
    sheet.set(2, 2, 'z');
    assert.deepEqual(engine.setCell(2, 2, 'z'), [{ row: 2, col: 2 }]);
  });

  it('the same value typed again reports no change', () => {
    const { sheet, engine } = ledger([
      ['A', '', '', '10', '', ''],
      ['B', '', '', '=D2', '', ''],
    ]);
    sheet.set(1, 3, '10.00');
    assert.deepEqual(engine.setCell(1, 3, '10.00'), []);
  });

  it('dependents() lists direct readers, including whole-column and range readers', () => {
    const { engine } = ledger(
      [
        ['A', '', '', '1', '', ''],
        ['B', '', '', '=D2', '', ''],
        ['T', '', '', '=SUM(D:D)', '', ''],
        ['U', '', '', '=SUM(D2:D3)', '', ''],
      ],
      { totals: [3, 4] },
    );
    assert.deepEqual(
      engine
        .dependents(1, 3)
        .map((c) => c.row)
        .sort(),
      [2, 3, 4],
    );
    assert.deepEqual(
      engine
        .dependents(2, 3)
        .map((c) => c.row)
        .sort(),
      [3, 4],
    );
  });

  it('breaking and creating cycles updates every member', () => {
    const { sheet, engine } = ledger([
      ['A', '', '', '=D3', '', ''],
      ['B', '', '', '=D2', '', ''],
    ]);
    assert.equal(shown(engine.value(1, 3)), '#CYCLE!');
    sheet.set(2, 3, '5');
    engine.setCell(2, 3, '5');
    assert.equal(shown(engine.value(1, 3)), '5.00');
    sheet.set(2, 3, '=D2+1');
    engine.setCell(2, 3, '=D2+1');
    assert.equal(shown(engine.value(1, 3)), '#CYCLE!');
    assert.equal(shown(engine.value(2, 3)), '#CYCLE!');
  });

  it('row-id references follow the id when rows move or ids change', () => {
    const { sheet, engine } = ledger([
      ['QF-1', '', '', '100', '', ''],
      ['QF-2', '', '', '200', '', ''],
      ['X', '', '', '={QF-2}*2', '', ''],
    ]);
    assert.equal(shown(engine.value(3, 3)), '400.00');
    // Someone inserts a row above: A1 refs would shift, {QF-2} still finds its row after a rebuild.
    sheet.cells.splice(1, 0, ['QF-0', '', '', '7', '', '']);
    sheet.reindex();
    engine.rebuild();
    assert.equal(shown(engine.value(4, 3)), '400.00');
    // Renaming the id breaks the reference; giving another row that id re-binds it.
    sheet.set(3, 0, 'QF-2b');
    engine.setCell(3, 0, 'QF-2b');
    assert.equal(shown(engine.value(4, 3)), '#REF!');
    sheet.set(1, 0, 'QF-2');
    engine.setCell(1, 0, 'QF-2');
    assert.equal(shown(engine.value(4, 3)), '14.00');
  });

  it('whole-column ranges skip header and total rows, and follow a row becoming a total', () => {
    const totals = new Set<number>([3]);
    const types: CellType[] = ['text', '元'];
    const sheet = new ArraySheet(
      [
        ['id', '金额'],
        ['a', '1'],
        ['b', '2'],
        ['t', '=SUM(B:B)'],
        ['c', '4'],
      ],
      types,
      0,
      totals,
    );
    const engine = new FormulaEngine(sheet);
    assert.equal(shown(engine.value(3, 1)), '7.00');
    totals.add(4);
    engine.setCell(4, 0, 'c');
    assert.equal(shown(engine.value(3, 1)), '3.00');
  });

  it('10,000 rows of 0.10 sum to exactly 1000.00', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`R${i}`, '', '', '0.10', '', '']);
    rows.push(['T', '', '', '=SUM(D2:D10001)', '=SUM(D2:D10001)', '']);
    const { engine } = ledger(rows);
    const v = engine.value(10_001, 3);
    assert.ok(v.kind === 'number' && v.value === '1000.00' && v.fen === 100000n);
    assert.equal(shown(engine.value(10_001, 4)), '0.10');
  });

  it('after any sequence of edits, values equal a full recalculation', () => {
    const cellArb = fc.oneof(
      fc.constantFrom('', '1', '2.5', '-3', 'x', '1万'),
      fc
        .tuple(fc.constantFrom('D', 'E', 'F'), fc.integer({ min: 2, max: 7 }))
        .map(([c, r]) => `=${c}${r}+1`),
      fc
        .tuple(fc.constantFrom('D', 'E'), fc.integer({ min: 2, max: 7 }))
        .map(([c, r]) => `=SUM(${c}2:${c}${r})*2`),
      fc.constantFrom(
        '=SUM(D:D)',
        '=SUM(E:E)/3',
        '={r3}',
        '={r5:金额}',
        '=IF(D2>1,D3,E4)',
        '=SUMIF(B:B,"g",D:D)',
      ),
    );
    const edit = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 3, max: 5 }), cellArb);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const rows = Array.from({ length: 6 }, (_, i) => [
          `r${i + 2}`,
          i % 2 ? 'g' : 'h',
          '',
          '',
          '',
          '',
        ]);
        const { sheet, engine } = ledger(rows);
        for (const [r, c, raw] of edits) {
          sheet.set(r, c, raw);
          engine.setCell(r, c, raw);
        }
        const fresh = new FormulaEngine(sheet);
        assert.deepEqual(allValues(engine, sheet), allValues(fresh, sheet));
      }),
      { numRuns: 300 },
    );
  });
});

describe('FormulaEngine block-cached totals', () => {
  it('totals over thousands of rows stay equal to a fresh recalculation through random edits', () => {
    const N = 3000;
    const base = (): string[][] => {
      const rows = Array.from({ length: N }, (_, i) => [
        `r${i}`,
        i % 3 ? 'g' : 'h',
        i % 2 ? 'x' : 'y',
        `${i}.${i % 100}`,
        '',
        '',
      ]);
      rows.push(['T1', '', '', '=SUM(D:D)', '=SUMIF(B:B,"g",D:D)', '=COUNTIF(C:C,"x")']);
      rows.push([
        'T2',
        '',
        '',
        `=SUMIFS(D:D,B:B,"h",C:C,"y")`,
        `=AVERAGE(D2:D${N + 1})`,
        `=COUNT(D2:D${N + 1})`,
      ]);
      rows.push(['T3', '', '', `=SUMIF(D2:D${N + 1},">1000")`, '=SUM(E:E)', '=SUM(D:D)*2']);
      return rows;
    };
    const edit = fc.tuple(
      fc.integer({ min: 1, max: N + 3 }),
      fc.constantFrom(1, 2, 3, 4),
      fc.oneof(
        fc.constantFrom('g', 'h', 'x', 'y', '', 'bad', '=D2*3', '=SUM(D2:D700)'),
        fc.integer({ min: -5000, max: 5000 }).map(String),
      ),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 15 }), (edits) => {
        const { sheet, engine } = ledger(base(), { totals: [N + 1, N + 2, N + 3] });
        for (const [r, c, raw] of edits) {
          sheet.set(r, c, raw);
          engine.setCell(r, c, raw);
        }
        const fresh = new FormulaEngine(sheet);
        for (let r = N + 1; r <= N + 3; r++)
          for (let c = 3; c <= 5; c++)
            assert.equal(shown(engine.value(r, c)), shown(fresh.value(r, c)), `row ${r} col ${c}`);
      }),
      { numRuns: 40 },
    );
  });
});

describe('FormulaEngine limits and small contracts', () => {
  it('a formula over its step budget is #ERROR!, not a hang', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`r${i}`, 'g', '', '1', '', '']);
    rows.push(['T', '', '', '=SUM(D2:D2001)+SUM(D2:D2001)', '', '']);
    const sheet = new ArraySheet(
      [['id', 'fund', 'cat', '金额', '万元', 'n'], ...rows],
      ['text', 'text', 'text', '元', '万元', 'number'],
    );
    const tight = new FormulaEngine(sheet, { stepBudget: 3000 });
    const v = tight.value(2001, 3);
    assert.ok(v.kind === 'error' && v.code === '#ERROR!' && /evaluation limit/.test(v.message.en));
    assert.equal(shown(new FormulaEngine(sheet).value(2001, 3)), '4000.00');
  });

  it('{:column} reads the formula’s own row; value() of number cells is an exact decimal', () => {
    const { engine } = ledger([['A', '', '', '=({:人数}+1)*1000', '', '2.5']]);
    assert.equal(shown(engine.value(1, 3)), '3500.00');
    const v = engine.value(1, 5);
    assert.deepEqual(v, { kind: 'number', value: '2.5' });
    const amount = engine.value(1, 3);
    assert.ok(amount.kind === 'number' && amount.fen === 350000n);
  });

  it('IF evaluates only the chosen branch; strings keep quotes', () => {
    const { engine } = ledger([['A', '', '', '0', '', '=IF(D2=0, "a""b", 1/D2)']]);
    assert.deepEqual(engine.value(1, 5), { kind: 'text', value: 'a"b' });
  });

  it('formulas in text columns stay text', () => {
    const { engine } = ledger([['A', '=1+1', '', '', '', '']]);
    assert.deepEqual(engine.value(1, 1), { kind: 'text', value: '=1+1' });
    assert.equal(engine.isFormula(1, 1), false);
  });
});
