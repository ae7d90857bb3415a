import * as assert from 'node:assert/strict';
import { parseDate, parsePeriod } from '../../../src/core/ledger/period';

describe('dates and periods', () => {
  it('reads the date forms Excel and WPS write', () => {
    assert.equal(parseDate('2024-03-15'), '2024-03-15');
    assert.equal(parseDate('2024/3/5'), '2024-03-05');
    assert.equal(parseDate('2024.3.5'), '2024-03-05');
    assert.equal(parseDate('2024年3月5日'), '2024-03-05');
    assert.equal(parseDate('２０２４-０３-１５'), '2024-03-15');
  });

  it('rejects impossible and ambiguous dates', () => {
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '15/03/2024',
      '2024-3',
      '',
      'today',
    ])
      assert.equal(parseDate(bad), undefined, bad);
    assert.equal(parseDate('2024-02-29'), '2024-02-29');
  });

  it('reads years, quarters, months and ranges with every separator', () => {
    const p = (t: string): [string, string] | undefined => {
      const r = parsePeriod(t);
      return r && [r.start, r.end];
    };
    assert.deepEqual(p('2024'), ['2024-01-01', '2024-12-31']);
    assert.deepEqual(p('2024Q1'), ['2024-01-01', '2024-03-31']);
    assert.deepEqual(p('2024q4'), ['2024-10-01', '2024-12-31']);
    assert.deepEqual(p('2024-02'), ['2024-02-01', '2024-02-29']);
    assert.deepEqual(p('2023..2025'), ['2023-01-01', '2025-12-31']);
    assert.deepEqual(p('2023-01-01..2025-12-31'), ['2023-01-01', '2025-12-31']);
    assert.deepEqual(p('2023~2025'), ['2023-01-01', '2025-12-31']);
    assert.deepEqual(p('2023～2025'), ['2023-01-01', '2025-12-31']);
    assert.deepEqual(p('2023至2025'), ['2023-01-01', '2025-12-31']);
    assert.deepEqual(p('2021—2025'), ['2021-01-01', '2025-12-31']);
    assert.deepEqual(p('2024Q2..2024Q3'), ['2024-04-01', '2024-09-30']);
  });

  it('rejects malformed and backwards periods', () => {
    for (const bad of ['2024Q5', '2025..2023', '2023..2024..2025', 'FY2024', '2024-13'])
      assert.equal(parsePeriod(bad), undefined, bad);
  });
});
