import * as assert from 'node:assert/strict';
import { shiftRowReferences } from '../../../src/core/formula';
import { ledger, shown } from './helpers';

describe('shiftRowReferences', () => {
  // Row indexes are 0-based: A1 row 5 is index 4.
  it('inserting rows moves references at or below the insertion and grows ranges', () => {
    assert.equal(shiftRowReferences('=SUM(F2:F9)', 4, 1), '=SUM(F2:F10)');
    assert.equal(shiftRowReferences('=F5+$F$6*F4', 4, 2), '=F7+$F$8*F4');
    assert.equal(shiftRowReferences('=SUM(F2:F9)', 9, 1), '=SUM(F2:F9)');
  });

  it('deleting rows shrinks ranges and turns lost cells into #REF!', () => {
    assert.equal(shiftRowReferences('=SUM(F2:F9)', 4, -2), '=SUM(F2:F7)');
    assert.equal(shiftRowReferences('=F5+F9', 4, -1), '=#REF!+F8');
    assert.equal(shiftRowReferences('=SUM(F5:F6)', 4, -2), '=SUM(#REF!)');
    assert.equal(shiftRowReferences('=SUM(F3:F6)', 4, -5), '=SUM(F3:F4)');
  });

  it('leaves strings, row ids, whole columns, function names and numbers alone', () => {
    const f = '=IF(F5>1e3, "F5", {QF-5:F5}) + SUM(G:G) + LOG10(1)';
    assert.equal(shiftRowReferences(f, 0, 3), '=IF(F8>1e3, "F5", {QF-5:F5}) + SUM(G:G) + LOG10(1)');
    assert.equal(shiftRowReferences('=1+2', 0, 3), '=1+2');
  });

  it('a #REF! left in a formula evaluates to #REF!', () => {
    const { engine } = ledger([['A', '', '', '=#REF!+1', '', '']]);
    assert.equal(shown(engine.value(1, 3)), '#REF!');
  });

  it('engine.rowShiftEdits lists the formulas to rewrite for an insertion', () => {
    const { engine } = ledger([
      ['A', '', '', '1', '', ''],
      ['B', '', '', '2', '', ''],
      ['T', '', '', '=SUM(D2:D3)', '', '=D3*2'],
    ]);
    assert.deepEqual(engine.rowShiftEdits(2, 1), [
      { row: 3, col: 3, raw: '=SUM(D2:D4)' },
      { row: 3, col: 5, raw: '=D4*2' },
    ]);
  });
});
