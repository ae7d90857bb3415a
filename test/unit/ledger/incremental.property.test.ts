import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdit, editCell } from '../../../src/core/csv/edit';
import { scanCsv } from '../../../src/core/csv/scan';
import { IncrementalLedger } from '../../../src/core/ledger/incremental';
import { analyzeLedger } from '../../../src/core/ledger/validate';

// Funds with fund-wide, category and dated targets, a 基数 row read by a formula entry, block
// 小计 formulas, a whole-column SUMIFS 合计, free numbers (人数) and quoted text: every path an edit
// can take through the row patch, the formula engine and computeTargets.
const LEDGER = [
  '编号,日期,资金,类别,类型,摘要,人数,金额(万元),上限(万元),期间,单位,备注',
  'T1,2024-01-01,帮扶资金,,目标,援助,,432.00,,2024,,',
  'T2,2024-01-01,帮扶资金,学校建设,目标,建设,,200.00,260.00,2024,,',
  'T3,2023-01-01,教育基金,,筹集目标,三年,,20000.00,,2023..2025,,',
  'T4,,培训经费,,支出目标,2.5%,,={B1}*2.5%,,,,',
  'B1,,培训经费,,基数,工资总额,,4000.00,,,,',
  'E1,2024-03-15,帮扶资金,学校建设,拨付,"幸福小学 ""一期""",,120.00,,,,',
  'E2,2024-05-20,帮扶资金,条件改善,拨付,设备,3,80.50,,,,',
  'E3,2024-09-01,帮扶资金,学生资助,拨付,"资助,困难",,47.20,,,,',
  'S1,,帮扶资金,,小计,小计,,=SUM(H7:H9),,,,',
  'R1,2023-06-30,教育基金,,筹集,捐赠,,3000.00,,,,',
  'R2,2024-03-31,教育基金,,筹集,慈善,,2500.00,,,万元,',
  'R3,2025-02-01,教育基金,,筹集,校友,12,1800.00,,,,',
  'P1,2024-07-01,培训经费,,支出,国培,,=G14*0.5,,,,',
  'P2,2024-08-01,培训经费,,支出,省培,,30.00,,,,',
  'A1,,帮扶资金,,合计,合计,,"=SUMIFS(H:H,C:C,""帮扶资金"",E:E,""拨付"")",,,,',
  'X1,2024-05-01,其他资金,,拨付,无目标,,1.00,,,,',
  '截至,2024-12-31,,,截至,,,,,,,',
  '',
].join('\r\n');

const VALUES: Record<string, string[]> = {
  amount: ['100.00', '1,234.56', '0.01', '-5.00', '', 'abc', '1.234', '5万', '=H7*2', '2亿'],
  date: ['2024-02-29', '2023-12-31', '2025-06-30', '', '2024/7/1', '2024-13-01'],
  fund: ['帮扶资金', '教育基金', '培训经费', '新资金', ''],
  category: ['学校建设', '条件改善', '', '新类别'],
  kind: ['拨付', '筹集', '支出', '基数', '目标', '小计', '', '未知'],
  text: ['x', '"引号"', 'a,b', '', '=cmd|x', '12', 'line\nbreak'],
  id: ['E1', 'E9', '', 'T1'],
  period: ['2024', '', '2024Q1', 'bad'],
  unit: ['', '元', '万元', '斤'],
  count: ['', '7', '2.5', 'x'],
};
const COLS = [
  'id',
  'date',
  'fund',
  'category',
  'kind',
  'text',
  'count',
  'amount',
  'amount',
  'period',
  'unit',
  'text',
];

const edit = fc.record({
  row: fc.integer({ min: 1, max: 18 }),
  col: fc.integer({ min: 0, max: 11 }),
  // Mostly amounts, as in the grid; now and then any column.
  pick: fc.nat(),
  amountOnly: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
});

function valueFor(col: number, pick: number): string {
  const pool = VALUES[COLS[col] ?? 'text'] ?? [''];
  return pool[pick % pool.length] as string;
}

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);

describe('IncrementalLedger', () => {
  it('gives the same targets, to the fen, as a full analyzeLedger after random edit sequences', function () {
    // Two analyses per edit: allow for a loaded machine (a hang guard, not a speed check).
    this.timeout(120_000);
    let rowPatches = 0;
    let full = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const inc = new IncrementalLedger('t.ledger.csv', LEDGER);
        let text = LEDGER;
        for (const e of edits) {
          const col = e.amountOnly ? 7 : e.col;
          const table = scanCsv(text);
          if (e.row >= table.rowCount) continue;
          const change = editCell(table, e.row, col, valueFor(col, e.pick));
          text = applyEdit(text, change);
          if (inc.apply(change) === 'row') rowPatches++;
          else full++;
          const expected = analyzeLedger('t.ledger.csv', text, { pace: true });
          assert.equal(inc.currentText, text);
          assert.equal(inc.current.asOf, expected.asOf);
          assert.deepStrictEqual(inc.current.targets, expected.targets);
          // Row starts locate the next edit's row: they must track the text exactly.
          const size = expected.facts.store.size;
          assert.deepStrictEqual(
            inc.current.facts.store.rowStart.subarray(1, size),
            expected.facts.store.rowStart.subarray(1, size),
          );
        }
      }),
      { numRuns: RUNS },
    );
    // Edits of targets, totals, ids and formulas fall back on purpose; the property is only worth
    // something if a good share of the edits really took the row path.
    assert.ok(rowPatches * 3 > rowPatches + full, `row patches ${rowPatches}, full reads ${full}`);
  });

  it('re-reads the whole file for edits a row patch cannot express', () => {
    const inc = new IncrementalLedger('t.ledger.csv', LEDGER);
    const apply = (row: number, col: number, value: string): string => {
      inc.apply(editCell(scanCsv(inc.currentText), row, col, value));
      return inc.lastMode;
    };
    assert.equal(apply(6, 7, '121.00'), 'row'); // an entry's amount
    assert.equal(apply(6, 4, '筹集'), 'row'); // an entry's kind, to another entry kind
    assert.equal(apply(1, 7, '500.00'), 'full'); // a target
    assert.equal(apply(9, 5, 'y'), 'full'); // a 小计 row
    assert.equal(apply(6, 0, 'E7'), 'full'); // an id: the id index would change
    assert.equal(apply(7, 7, '=H6'), 'full'); // a new formula
    assert.equal(apply(8, 5, 'two\nlines'), 'full'); // a line break inside a cell
    assert.equal(apply(0, 5, '说明'), 'full'); // the header
    const expected = analyzeLedger('t.ledger.csv', inc.currentText, { pace: true });
    assert.deepStrictEqual(inc.current.targets, expected.targets);
  });

  it('keeps following edits after the file had a syntax error and lost it again', () => {
    const broken = LEDGER.replace('E2,2024-05-20', 'E2,"2024-05-20');
    const inc = new IncrementalLedger('t.ledger.csv', broken);
    assert.match(inc.current.fatal ?? '', /FL-CSV-UNCLOSED-QUOTE/);
    const at = broken.indexOf('"2024-05-20');
    inc.apply({ start: at, end: at + 1, text: '' });
    assert.equal(inc.lastMode, 'full');
    assert.equal(inc.current.fatal, undefined);
    assert.equal(inc.apply(editCell(scanCsv(inc.currentText), 7, 7, '90.00')), 'row');
    const expected = analyzeLedger('t.ledger.csv', inc.currentText, { pace: true });
    assert.deepStrictEqual(inc.current.targets, expected.targets);
  });
});
