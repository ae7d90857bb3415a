import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdit, editCell } from '../../../src/core/csv/edit';
import { scanCsv } from '../../../src/core/csv/scan';
import { LedgerSession } from '../../../src/core/ledger/session';

const TEXT = [
  '编号,资金,类型,摘要,人数,金额(万元)',
  'T1,F,目标,t,,100',
  'E1,F,拨付,"a,b",2,=E3*1.5',
  'E2,F,拨付,x,,10.5',
  'S1,F,小计,x,,=SUM(F3:F4)',
  'A1,F,合计,x,,={S1}',
].join('\r\n');

describe('LedgerSession', () => {
  it('recalculates dependants incrementally and returns a minimal text edit', () => {
    const s = new LedgerSession('t.csv', TEXT);
    assert.deepEqual(s.value(4, 5), { kind: 'number', value: '13.50', fen: 13_500_000n });
    const out = s.applyCellEdit(3, 5, '20');
    assert.deepEqual(out.edit, {
      start: TEXT.indexOf('10.5'),
      end: TEXT.indexOf('10.5') + 4,
      text: '20',
    });
    assert.deepEqual(
      out.changed.map((c) => [
        c.row,
        c.col,
        c.value.kind === 'number' ? c.value.value : c.value.kind,
      ]),
      [
        [3, 5, '20.00'],
        [4, 5, '23.00'],
        [5, 5, '23.00'],
      ],
    );
    assert.equal(s.currentText, TEXT.replace('10.5', '20'));
    assert.deepEqual(s.diagnostics(), []);
  });

  it('keeps text and values identical to a fresh session over random edit sequences', () => {
    const cell = fc.record({
      row: fc.integer({ min: 1, max: 5 }),
      col: fc.integer({ min: 3, max: 5 }),
      value: fc.oneof(
        fc.constantFrom('1', '0.01', '=E3*2', '=SUM(F3:F4)', 'x,"y"', '', '={E2}+1', '-3.5'),
        fc.string({ maxLength: 6 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (edits) => {
        const s = new LedgerSession('t.csv', TEXT);
        let text = TEXT;
        for (const e of edits) {
          const expected = editCell(scanCsv(text), e.row, e.col, e.value);
          const got = s.applyCellEdit(e.row, e.col, e.value).edit;
          assert.deepEqual(got, expected);
          text = applyEdit(text, expected);
        }
        assert.equal(s.currentText, text);
        const fresh = new LedgerSession('t.csv', text);
        for (let r = 1; r <= 5; r++)
          for (const c of [4, 5]) {
            const a = s.value(r, c);
            const b = fresh.value(r, c);
            assert.deepEqual(
              a.kind === 'error' ? a.code : a,
              b.kind === 'error' ? b.code : b,
              `${r},${c}`,
            );
          }
      }),
      { numRuns: 200 },
    );
  });

  it('rebuilds on id and header edits so {ID} references follow', () => {
    const s = new LedgerSession('t.csv', TEXT);
    const out = s.applyCellEdit(4, 0, 'S9');
    const total = out.changed.find((c) => c.row === 5);
    assert.equal(total?.value.kind, 'error');
    assert.deepEqual(
      s.diagnostics().map((d) => d.code),
      ['FL-FORMULA-REF'],
    );
  });
});
