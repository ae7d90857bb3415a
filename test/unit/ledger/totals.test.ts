import * as assert from 'node:assert/strict';
import { validateLedger } from '../../../src/core/ledger/validate';

const H = '编号,资金,类别,类型,金额';
const codes = (...rows: string[]): string[] =>
  validateLedger('t.csv', [H, 'T1,F,,目标,100', 'T2,G,,目标,100', ...rows].join('\n')).map(
    (d) => d.code,
  );

describe('totals', () => {
  it('a subtotal totals the entries since the previous subtotal, total, target or header', () => {
    assert.deepEqual(
      codes('E1,F,,拨付,1', 'E2,F,,拨付,2', 'S1,F,,小计,3', 'E3,F,,拨付,4', 'S2,F,,小计,4'),
      [],
    );
    assert.deepEqual(codes('E1,F,,拨付,1', 'S1,F,,小计,1', 'E2,F,,拨付,2', 'S2,F,,小计,3'), [
      'FL-TOTAL-MISMATCH',
    ]);
  });

  it('filters a subtotal to its fund and category', () => {
    assert.deepEqual(
      codes('E1,F,a,拨付,1', 'E2,G,a,拨付,2', 'E3,F,b,拨付,4', 'S1,F,,小计,5', 'S2,,,小计,0'),
      [],
    );
    assert.deepEqual(codes('E1,F,a,拨付,1', 'E2,F,b,拨付,4', 'S1,F,a,小计,1'), []);
  });

  it('a total (合计) counts every entry of its fund in the file, above and below', () => {
    assert.deepEqual(
      codes('E1,F,,拨付,1', 'S1,F,,小计,1', 'E2,G,,拨付,5', 'E3,F,,拨付,2', 'A1,F,,合计,3'),
      [],
    );
    assert.deepEqual(codes('E1,F,,拨付,1', 'A1,F,,合计,3', 'E3,F,,拨付,2'), []);
    assert.deepEqual(codes('E1,F,,拨付,1', 'A1,,,合计,6', 'E3,G,,拨付,5'), []);
  });

  it('totals one kind: the kind of the nearest entry above', () => {
    assert.deepEqual(
      codes('R1,F,,筹集,9', 'E1,F,,拨付,1', 'A1,F,,合计,1', 'P1,F,,支出,0.5', 'A2,F,,合计,0.5'),
      [],
    );
  });

  it('checks formula totals to the fen, and skips totals over rows that are already wrong', () => {
    assert.deepEqual(codes('E1,F,,拨付,0.1', 'E2,F,,拨付,0.2', 'S1,F,,小计,=E4+E5+0.01'), [
      'FL-TOTAL-MISMATCH',
    ]);
    assert.deepEqual(codes('E1,F,,拨付,0.1', 'E2,F,,拨付,0.2', 'S1,F,,小计,=SUM(E4:E5)'), []);
    assert.deepEqual(codes('E1,F,,拨付,abc', 'E2,F,,拨付,0.2', 'S1,F,,小计,5'), [
      'FL-AMOUNT-NOT-NUMBER',
    ]);
  });
});
