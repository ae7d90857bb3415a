import * as assert from 'node:assert/strict';
import type { TargetProgress } from '../../../src/core/ledger/targets';
import {
  periodBucket,
  toChartBars,
  type RowFacts,
} from '../../../src/extension/allocationPanelModel';

/** Rows 1..3 of a paired-assistance fund (432万 target) split over three categories and two quarters. */
const facts: RowFacts = {
  fen: (row) => [0n, 2000000000n, 1200000000n, 800000000n, 50000n][row] ?? 0n,
  date: (row) => [undefined, '2023-03-15', '2023-05-20', '2023-09-01', undefined][row],
  category: (row) => ['', '学校建设', '条件改善', '学生资助', ''][row] ?? '',
};

const fund: TargetProgress = {
  fund: '对口帮扶援助资金',
  measure: 'allocated',
  target: {
    kind: 'target',
    min: 4320000000n,
    max: 4320000000n,
    row: 5,
    id: 'T1',
    period: { text: '2023', start: '2023-01-01', end: '2023-12-31' },
  },
  actual: 4000000000n,
  remaining: 320000000n,
  share: 4000000000 / 4320000000,
  status: 'under',
  rows: [1, 2, 3],
  unit: '万元',
};

const schoolTarget: TargetProgress = {
  fund: '对口帮扶援助资金',
  category: '学校建设',
  measure: 'allocated',
  target: {
    kind: 'target',
    min: 1800000000n,
    max: 2200000000n,
    row: 6,
    id: 'T2',
    period: { text: '2023', start: '2023-01-01', end: '2023-12-31' },
  },
  actual: 2000000000n,
  remaining: 0n,
  share: 2000000000 / 1800000000,
  status: 'within',
  rows: [1],
  unit: '万元',
};

const labels = { uncategorised: '(none)', undated: '(no date)' };

describe('chart model from the core aggregation', () => {
  it('carries the core numbers as exact fen strings', () => {
    const { bars } = toChartBars('a.ledger.csv', [fund], facts, labels);
    const b = bars[0];
    assert.ok(b);
    assert.equal(b.actual, '4000000000');
    assert.equal(b.targetMin, '4320000000');
    assert.equal(b.remaining, '320000000');
    assert.equal(b.status, 'under');
    assert.equal(b.rowCount, 3);
    assert.deepEqual(b.period, { text: '2023', start: '2023-01-01', end: '2023-12-31' });
  });

  it('splits a bar by category and attaches a category’s own target', () => {
    const { bars, rows } = toChartBars('a.ledger.csv', [fund, schoolTarget], facts, labels);
    const parts = bars[0]?.breakdown.category ?? [];
    assert.deepEqual(
      parts.map((p) => [p.label, p.actual]),
      [
        ['学校建设', '2000000000'],
        ['条件改善', '1200000000'],
        ['学生资助', '800000000'],
      ],
    );
    const school = parts.find((p) => p.key === '学校建设');
    assert.equal(school?.targetMin, '1800000000');
    assert.equal(school?.targetMax, '2200000000');
    assert.equal(school?.status, 'within');
    const key = bars[0]?.key ?? '';
    assert.deepEqual(rows.get(key)?.parts.category.get('条件改善'), [2]);
  });

  it('splits by year and quarter; parts always add up to the core’s actual', () => {
    const { bars } = toChartBars('a.ledger.csv', [fund], facts, labels);
    const q = bars[0]?.breakdown.quarter ?? [];
    assert.deepEqual(
      q.map((p) => p.label),
      ['2023Q1', '2023Q2', '2023Q3'],
    );
    const sum = q.reduce((s, p) => s + BigInt(p.actual), 0n);
    assert.equal(sum, fund.actual);
    assert.deepEqual(
      bars[0]?.breakdown.year.map((p) => p.label),
      ['2023'],
    );
  });

  it('withholds a breakdown that would not add up to the core’s actual', () => {
    const wrong: TargetProgress = { ...fund, actual: fund.actual + 1n };
    const { bars } = toChartBars('a.ledger.csv', [wrong], facts, labels);
    assert.deepEqual(bars[0]?.breakdown.category, []);
  });

  it('puts undated rows in their own bucket, last', () => {
    const p: TargetProgress = { ...fund, rows: [4, 1], actual: 2000050000n };
    const { bars } = toChartBars('a.ledger.csv', [p], facts, labels);
    assert.deepEqual(
      bars[0]?.breakdown.year.map((x) => x.label),
      ['2023', '(no date)'],
    );
  });

  it('keys stay the same when only amounts change, and differ per target', () => {
    const a = toChartBars('a.ledger.csv', [fund, schoolTarget], facts, labels).bars;
    const b = toChartBars(
      'a.ledger.csv',
      [{ ...fund, actual: 1n }, schoolTarget],
      facts,
      labels,
    ).bars;
    assert.equal(a[0]?.key, b[0]?.key);
    assert.notEqual(a[0]?.key, a[1]?.key);
  });

  it('buckets dates by year and quarter', () => {
    assert.equal(periodBucket('2024-03-31', 'quarter'), '2024Q1');
    assert.equal(periodBucket('2024-04-01', 'quarter'), '2024Q2');
    assert.equal(periodBucket('2024-12-31', 'quarter'), '2024Q4');
    assert.equal(periodBucket('2024-12-31', 'year'), '2024');
    assert.equal(periodBucket(undefined, 'year'), '');
  });
});
