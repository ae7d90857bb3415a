import * as assert from 'node:assert/strict';
import { applyEdit, editCell } from '../../../src/core/csv/edit';
import { scanCsv } from '../../../src/core/csv/scan';
import { LedgerAnalyses, type AnalysisReply } from '../../../src/extension/allocationPanelAnalyses';
import { aggregateLedger } from '../../../src/extension/allocationPanelSource';
import { SAMPLE_LEDGER } from './sampleLedger';

const labels = { uncategorised: '(no category)', undated: '(no date)' };
const FILE = 'sample.ledger.csv';

function computed(reply: AnalysisReply | undefined): Extract<AnalysisReply, { type: 'computed' }> {
  assert.ok(reply && reply.type === 'computed', JSON.stringify(reply));
  return reply;
}

/** What the chart showed before the worker: a full aggregation of the text. */
function fromScratch(text: string): unknown {
  const a = aggregateLedger(text, FILE, labels);
  return 'error' in a ? a : { bars: a.bars, asOf: a.asOf };
}

describe('chart analyses (the worker’s message handler)', () => {
  it('follows change events and answers with the same bars as a full aggregation', () => {
    const a = new LedgerAnalyses();
    a.handle({ type: 'open', doc: 'd', version: 'doc:1', file: FILE, text: SAMPLE_LEDGER });
    const first = computed(a.handle({ type: 'compute', id: 1, doc: 'd', labels }));
    assert.equal(first.mode, 'full');
    assert.deepStrictEqual(first.result, fromScratch(SAMPLE_LEDGER));

    // Two edits before the next compute (a burst of typing): applied together, row by row.
    let text = SAMPLE_LEDGER;
    for (const [i, [row, value]] of (
      [
        [2, '250.00'],
        [3, '99.99'],
      ] as const
    ).entries()) {
      const change = editCell(scanCsv(text), row, 6, value);
      text = applyEdit(text, change);
      a.handle({ type: 'change', doc: 'd', version: `doc:${i + 2}`, changes: [change] });
    }
    const second = computed(a.handle({ type: 'compute', id: 2, doc: 'd', labels }));
    assert.equal(second.mode, 'row');
    assert.equal(second.version, 'doc:3');
    assert.deepStrictEqual(second.result, fromScratch(text));
    assert.notDeepStrictEqual(second.result, first.result);

    const again = computed(a.handle({ type: 'compute', id: 3, doc: 'd', labels }));
    assert.equal(again.mode, 'cached');
    assert.deepStrictEqual(again.result, second.result);
  });

  it('applies changes that arrive before the first compute to the text', () => {
    const a = new LedgerAnalyses();
    a.handle({ type: 'open', doc: 'd', version: 'doc:1', file: FILE, text: SAMPLE_LEDGER });
    const change = editCell(scanCsv(SAMPLE_LEDGER), 5, 6, '25000.00');
    a.handle({ type: 'change', doc: 'd', version: 'doc:2', changes: [change] });
    const r = computed(a.handle({ type: 'compute', id: 1, doc: 'd', labels }));
    assert.deepStrictEqual(r.result, fromScratch(applyEdit(SAMPLE_LEDGER, change)));
  });

  it('answers the rows behind a bar and a drill-down part', () => {
    const a = new LedgerAnalyses();
    a.handle({ type: 'open', doc: 'd', version: 'doc:1', file: FILE, text: SAMPLE_LEDGER });
    const r = computed(a.handle({ type: 'compute', id: 1, doc: 'd', labels }));
    assert.ok(!('error' in r.result));
    const bar = r.result.bars.find((b) => b.fund === '对口帮扶援助资金');
    assert.ok(bar);
    assert.deepEqual(
      a.handle({ type: 'rows', id: 2, doc: 'd', key: bar.key, part: null, drill: 'none' }),
      {
        type: 'rows',
        id: 2,
        rows: [2, 3, 4],
      },
    );
    assert.deepEqual(
      a.handle({
        type: 'rows',
        id: 3,
        doc: 'd',
        key: bar.key,
        part: '条件改善',
        drill: 'category',
      }),
      { type: 'rows', id: 3, rows: [3] },
    );
    assert.deepEqual(
      a.handle({ type: 'rows', id: 4, doc: 'x', key: bar.key, part: null, drill: 'none' }),
      {
        type: 'rows',
        id: 4,
        rows: null,
      },
    );
  });

  it('says which ledger it cannot read, and fails a compute for a ledger it was never sent', () => {
    const a = new LedgerAnalyses();
    a.handle({ type: 'open', doc: 'd', version: 'doc:1', file: FILE, text: 'a,b\r\n"x,1\r\n' });
    const r = computed(a.handle({ type: 'compute', id: 1, doc: 'd', labels }));
    assert.ok('error' in r.result);
    assert.match(r.result.error, /FL-CSV-UNCLOSED-QUOTE|missing/);
    const none = a.handle({ type: 'compute', id: 2, doc: 'nope', labels });
    assert.equal(none?.type, 'failed');
  });
});
