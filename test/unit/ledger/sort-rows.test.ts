// Sort File By…: row order, bytes kept, and A1 references that follow their rows.
import * as assert from 'node:assert/strict';
import { applyEdit, scanCsv } from '../../../src/core/csv';
import { analyzeLedger } from '../../../src/core/ledger/validate';
import { sortRows } from '../../../src/core/ledger/sort-rows';

const HEAD = '编号,资金,类型,金额,备注\n';

function sorted(text: string, col: number, descending = false): string {
  const out = sortRows(scanCsv(text), col, descending);
  assert.equal(out.kind, 'edit', JSON.stringify(out));
  return out.kind === 'edit' ? applyEdit(text, out.edit) : text;
}

describe('sortRows', () => {
  it('rewrites A1 references to moved rows and keeps every other byte', () => {
    const text =
      HEAD +
      'C,甲,拨付,30.00,"=x, kept as text F2"\r\n' +
      'A,甲,拨付,=D2*2,\r\n' +
      'B,甲,拨付,"=D3+1",note\r\n' +
      'Z,甲,合计,=SUM(D2:D4),';
    assert.equal(
      sorted(text, 0),
      HEAD +
        'A,甲,拨付,=D4*2,\r\n' +
        'B,甲,拨付,"=D2+1",note\r\n' +
        'C,甲,拨付,30.00,"=x, kept as text F2"\r\n' +
        'Z,甲,合计,=SUM(D2:D4),',
    );
  });

  it('keeps the formulas’ values: totals before and after are equal to the fen', () => {
    const text =
      HEAD +
      'E3,甲,拨付,=D4*2,\n' +
      'E1,甲,拨付,10.10,\n' +
      'E2,甲,拨付,=D3+0.05,\n' +
      'T,甲,合计,=SUM(D2:D4),\n';
    const after = sorted(text, 0);
    assert.equal(
      after,
      HEAD + 'E1,甲,拨付,10.10,\nE2,甲,拨付,=D2+0.05,\nE3,甲,拨付,=D3*2,\nT,甲,合计,=SUM(D2:D4),\n',
    );
    /** Each row's amount as the CLI evaluates it, by row id. */
    const byId = (t: string): Record<string, string> => {
      const r = analyzeLedger('t.ledger.csv', t);
      const table = scanCsv(t);
      const out: Record<string, string> = {};
      for (let row = 1; row < table.rowCount; row++) {
        const v = r.engine?.value(row, 3);
        out[table.cellValue(row, 0)] = v?.kind === 'number' ? String(v.fen) : JSON.stringify(v);
      }
      return out;
    };
    assert.deepEqual(byId(text), { E1: '1010', E2: '1015', E3: '2030', T: '4055' });
    assert.deepEqual(byId(after), byId(text));
  });

  it('refuses a sort that would split a range, naming the formula cells', () => {
    const text = HEAD + 'B,甲,拨付,1,\nS,甲,小计,=SUM(D2:D3),\nA,甲,拨付,2,\nC,甲,拨付,3,\n';
    // By id: A, B, C, S — rows 1..2 (B, S) go to 2 and 4.
    const out = sortRows(scanCsv(text), 0, false);
    assert.deepEqual(out, { kind: 'split-ranges', cells: [{ row: 2, col: 3 }] });
  });

  it('leaves `=` in text columns alone, and rewrites any column of a plain CSV', () => {
    const ledger = HEAD + 'B,甲,拨付,1,=D3\nA,甲,拨付,2,\n';
    assert.equal(sorted(ledger, 0), HEAD + 'A,甲,拨付,2,\nB,甲,拨付,1,=D3\n');
    const plain = 'k,v,w\nb,1,=B3*2\na,2,=B2\n';
    assert.equal(sorted(plain, 0), 'k,v,w\na,2,=B3\nb,1,=B2*2\n');
  });

  it('reports nothing to do for a sorted file', () => {
    assert.deepEqual(sortRows(scanCsv(HEAD + 'A,甲,拨付,1,\nB,甲,拨付,2,\n'), 0, false), {
      kind: 'unchanged',
    });
  });
});
