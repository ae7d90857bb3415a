import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanCsv } from '../../../src/core/csv/scan';
import { LedgerBuilder } from '../../../src/core/ledger/builder';
import { finishLedger } from '../../../src/core/ledger/finish';
import { analyzeLedger } from '../../../src/core/ledger/validate';
import { rowBoundary } from '../../../src/cli/read-ledger';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

/** Rows that exercise everything a chunk boundary could split: blocks, totals, quotes, line breaks in cells, errors. */
const rowArb = fc.oneof(
  fc.constantFrom(
    'E{n},2024-02-01,F,a,拨付,x,1.50,,',
    'E{n},2024-02-30,F,a,拨付,x,2,,',
    'E{n},2024-03-01,F,b,拨付,"两行\n摘要",3,,',
    'E{n},2024-03-01,F,a,拨付,"a,""b""",0.25,,',
    'S{n},,F,,小计,s,4.75,,',
    'A{n},,F,,合计,t,=SUMIFS(G:G;C:C;"F"),,',
    'E1,2024-04-01,F,a,拨付,dup,1,,',
    'E{n},2024-04-01,G,a,拨付,unknown fund,1,,',
    'E{n},2024-04-01,F,a,拨付,=1+1,1,,',
    '',
    'E{n},2024-04-01,F,a,拨付,x,abc,,,extra',
  ),
);

describe('streaming validation (row-aligned chunks)', () => {
  it('gives exactly the diagnostics and targets of the whole-file pass', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 8 }),
        (rows, nl, cuts) => {
          const body = rows.map((r, i) => r.replace('{n}', String(i + 10))).join(nl);
          const text =
            [
              '编号,日期,资金,类别,类型,摘要,金额,上限,期间',
              'T1,2024-01-01,F,,目标,t,1,100,2024',
              body,
            ].join(nl) + nl;
          const whole = analyzeLedger('t.csv', text, { asOf: '2024-06-30' });

          const b = new LedgerBuilder('t.csv');
          let base = 0;
          let row = 0;
          let rest = text;
          for (const cut of [...cuts, Infinity]) {
            const piece = cut === Infinity ? rest : rest.slice(0, rowBoundary(rest.slice(0, cut)));
            if (piece.length === 0) continue;
            const table = scanCsv(piece);
            b.addTable(table, base, row);
            base += piece.length;
            row += table.rowCount;
            rest = rest.slice(piece.length);
          }
          const streamed = finishLedger(b, { asOf: '2024-06-30' });
          assert.deepEqual(streamed.diagnostics, whole.diagnostics);
          assert.deepEqual(streamed.targets, whole.targets);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
