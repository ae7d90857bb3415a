import * as assert from 'node:assert/strict';
import { evalIn, ledger, shown } from './helpers';

// Data rows 2..5 (A id, B fund, C category, D 元, E 万元, F count); formulas go in D/E/F of row 7.
const ROWS = [
  ['QF-1', '质量', '奖励', '100.50', '1', '3'],
  ['QF-2', '质量', '测评', '200', '0.5', '2'],
  ['DK-1', '对口', '助学', '-50.25', '', '5'],
  ['DK-2', '对口', '建设', '1,000', '2.25', 'n/a'],
];

function f(formula: string, col = 3): string {
  return shown(evalIn([...ROWS, []], formula, [6, col]));
}

describe('formula functions', () => {
  it('SUM over ranges, whole columns and scalars, exactly', () => {
    assert.equal(f('=SUM(D2:D5)'), '1250.25');
    assert.equal(f('=SUM(D:D)'), '1250.25');
    assert.equal(f('=SUM(D2, D3, 0.01)'), '300.51');
    assert.equal(f('=SUM(F2:F5)', 5), '10');
  });

  it('reads referenced amounts in the formula cell unit', () => {
    // In a 万元 cell, 1,250.25 元 is 0.125025 万元; in a 元 cell 3.75 万元 is 37,500 元.
    assert.equal(f('=SUM(D2:D5)', 4), '0.125025');
    assert.equal(f('=SUM(E2:E5)'), '37500.00');
    assert.equal(f('=50*3', 4), '150.00');
  });

  it('AVERAGE, MIN, MAX, COUNT', () => {
    assert.equal(f('=AVERAGE(D2:D5)'), '312.56'); // 312.5625 rounded half-up to the fen
    assert.equal(f('=MIN(D2:D5)'), '-50.25');
    assert.equal(f('=MAX(D2:D5, 2000)'), '2000.00');
    assert.equal(f('=MAX(E2:E5)', 4), '2.25');
    assert.equal(f('=COUNT(D2:D5)'), '4.00');
    assert.equal(f('=COUNT(F2:F5)', 5), '3');
    assert.equal(f('=AVERAGE(E4:E4)'), '#DIV/0!');
  });

  it('SUMIF, SUMIFS (Excel argument order) and COUNTIF', () => {
    assert.equal(f('=SUMIF(B:B, "质量", D:D)'), '300.50');
    assert.equal(f('=SUMIF(D2:D5, ">100")'), '1300.50');
    assert.equal(f('=SUMIF(D2:D5, "<0")'), '-50.25');
    assert.equal(f('=SUMIFS(D:D, B:B, "对口", C:C, "助*")'), '-50.25');
    assert.equal(f('=SUMIFS(D2:D5, B2:B5, "<>质量")'), '949.75');
    assert.equal(f('=COUNTIF(B:B, "对口")', 5), '2');
    assert.equal(f('=COUNTIF(C2:C5, "?励")', 5), '1');
    assert.equal(f('=COUNTIF(D2:D5, 200)', 5), '1');
    assert.equal(f('=SUMIFS(D2:D5, B2:B4, "对口")'), '#VALUE!');
  });

  it('numeric criteria are read in the formula unit', () => {
    // 1,000 元 is 0.1 万元: in a 万元 cell, ">0.05" selects it.
    assert.equal(f('=SUMIF(D2:D5, ">0.05")', 4), '0.10');
  });

  it('ROUND half-up by default, half-even when configured, exact at .005', () => {
    assert.equal(f('=ROUND(2.675, 2)', 5), '2.68');
    assert.equal(f('=ROUND(-2.675, 2)', 5), '-2.68');
    assert.equal(f('=ROUND(0.005, 2)', 5), '0.01');
    assert.equal(f('=ROUND(-0.005, 2)', 5), '-0.01');
    assert.equal(f('=ROUND(1234.5, -2)', 5), '1200');
    assert.equal(f('=ROUND(2.5)', 5), '3');
    const even = ledger(
      [
        ['X', '', '', '', '', '=ROUND(0.125, 2)'],
        ['Y', '', '', '', '', '=ROUND(-0.135, 2)'],
      ],
      {
        rounding: 'half-even',
      },
    ).engine;
    assert.equal(shown(even.value(1, 5)), '0.12');
    assert.equal(shown(even.value(2, 5)), '-0.14');
  });

  it('rounds amount results to the fen with the configured mode', () => {
    assert.equal(f('=0.125'), '0.13');
    assert.equal(f('=-0.125'), '-0.13');
    const even = ledger([['X', '', '', '=0.125', '', '']], { rounding: 'half-even' }).engine;
    assert.equal(shown(even.value(1, 3)), '0.12');
  });

  it('ABS, IF, IFERROR, AND, OR, NOT, comparisons, concatenation, percentages', () => {
    assert.equal(f('=ABS(D4)'), '50.25');
    assert.equal(f('=IF(D2>100, 1, 2)'), '1.00');
    assert.equal(f('=IF(D4>0, 1)', 5), 'FALSE');
    assert.equal(f('=IF(E4=0, 0, 1/E4)', 5), '0');
    assert.equal(f('=IFERROR(1/0, 7)'), '7.00');
    assert.equal(f('=AND(D2>0, D3>0)', 5), 'TRUE');
    assert.equal(f('=OR(D4>0, FALSE)', 5), 'FALSE');
    assert.equal(f('=NOT(D4>0)', 5), 'TRUE');
    assert.equal(f('=D3<>200', 5), 'FALSE');
    assert.equal(f('=B2="质量"', 5), 'TRUE');
    assert.equal(f('=C2>C3', 5), 'FALSE'); // text compares by code point, case-insensitively
    assert.equal(f('=B2&"-"&C2', 5), '质量-奖励');
    assert.equal(f('=D3*2.5%'), '5.00');
    assert.equal(f('=(D2+D3)%'), '3.01');
    assert.equal(f('=50%%', 5), '0.005');
    assert.equal(f('=2^10', 5), '1024');
    assert.equal(f('=2E3+.5', 5), '2000.5');
    assert.equal(f('=-D4', 5), '50.25');
    assert.equal(f('=TRUE+1', 5), '2');
  });

  it('references by row id and named column survive row order', () => {
    assert.equal(f('={QF-2}'), '200.00');
    assert.equal(f('={DK-2:金额}*2'), '2000.00');
    assert.equal(f('={DK-2:amount}'), '1000.00');
    assert.equal(f('={QF-1:人数}+{QF-2:人数}', 5), '5');
  });
});
