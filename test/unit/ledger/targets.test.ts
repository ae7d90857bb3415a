import * as assert from 'node:assert/strict';
import { analyzeLedger } from '../../../src/core/ledger/validate';
import type { TargetProgress } from '../../../src/core/ledger/targets';

const H = '编号,日期,资金,类别,类型,摘要,人数,金额(万元),上限(万元),期间';
const run = (rows: string[], asOf = '2024-06-30'): TargetProgress[] =>
  analyzeLedger('t.csv', [H, ...rows].join('\n'), { asOf, pace: true }).targets;

describe('targets', () => {
  it('classifies under, within and over a band, with share and remaining', () => {
    const base = 'T1,2024-01-01,F,,目标,t,,1000,1500,2024';
    const at = (amount: string): TargetProgress =>
      run([base, `E1,2024-02-01,F,,拨付,x,,${amount},,`])[0] as TargetProgress;
    assert.equal(at('999.99').status, 'under');
    assert.equal(at('999.99').remaining, 10000n); // 0.01 万元 = 100 元
    assert.equal(at('1000').status, 'within');
    assert.equal(at('1500').status, 'within');
    assert.equal(at('1500.000001').status, 'over');
    assert.equal(at('1200').share, 1.2);
  });

  it('counts only the measured kind, the category and the period, and lists contributing rows', () => {
    const t = run([
      'T1,2024-01-01,F,A,目标,t,,10,,2024',
      'T2,2024-01-01,F,,筹集目标,t,,100,,2023..2025',
      'E1,2024-02-01,F,A,拨付,x,,4,,',
      'E2,2024-02-01,F,B,拨付,x,,3,,',
      'E3,2025-02-01,F,A,拨付,x,,5,,',
      'E4,2023-05-01,F,,筹集,x,,50,,',
      'E5,2024-05-01,F,A,支出,x,,7,,',
    ]);
    const cat = t.find((p) => p.category === 'A' && p.measure === 'allocated');
    assert.equal(cat?.actual, 4_000000n);
    assert.deepEqual(cat?.rows, [3]);
    const raised = t.find((p) => p.measure === 'raised');
    assert.equal(raised?.actual, 50_000000n);
    const orphans = t
      .filter((p) => p.status === 'no-target')
      .map((p) => [p.category ?? '', p.measure, p.actual]);
    assert.deepEqual(orphans, [
      ['B', 'allocated', 3_000000n],
      ['A', 'allocated', 5_000000n],
      ['A', 'spent', 7_000000n],
    ]);
  });

  it('evaluates formula targets: 2.5% of a base row, and 50 people × 1–3 万元', () => {
    const t = run([
      'B1,2024-01-01,教师培训经费,,基数,工资总额,,52360,,2024',
      'T1,2024-01-01,教师培训经费,,目标,2.5%,,={B1}*2.5%,,2024',
      'T2,2024-01-01,住房补贴,,目标,50人,50,=50*1,=50*3,2024',
      'E1,2024-03-01,住房补贴,,拨付,12人,12,={:人数}*2,,',
    ]);
    assert.equal(t[0]?.target?.min, 1309_000000n);
    assert.deepEqual(
      [t[1]?.target?.min, t[1]?.target?.max, t[1]?.actual, t[1]?.status],
      [50_000000n, 150_000000n, 24_000000n, 'under'],
    );
  });

  it('computes straight-line pace, the behind flag and a projected completion date', () => {
    const t = run(
      [
        'T1,2023-01-01,基金,,筹集目标,t,,20000,,2023..2025',
        'E1,2023-06-30,基金,,筹集,x,,3000,,',
        'E2,2024-06-30,基金,,筹集,x,,3000,,',
      ],
      '2024-12-31',
    );
    const pace = t[0]?.pace;
    assert.ok(pace);
    assert.equal(pace.asOf, '2024-12-31');
    assert.equal(pace.behind, true);
    // 731 of 1096 days elapsed: 20000 × 731 / 1096 万元, truncated to the fen.
    assert.equal(pace.expected, (20000_000000n * 731n) / 1096n);
    assert.equal(pace.actualToDate, 6000_000000n);
    assert.equal(pace.projectedCompletion, '2029-09-02');
    assert.deepEqual(
      pace.cumulative.map((c) => [c.date, c.total]),
      [
        ['2023-06-30', 3000_000000n],
        ['2024-06-30', 6000_000000n],
      ],
    );
  });

  it('reports when a target was reached and warns only after a period has ended', () => {
    const rows = [
      'T1,2024-01-01,F,,目标,t,,100,,2024Q1',
      'E1,2024-02-01,F,,拨付,x,,60,,',
      'E2,2024-03-05,F,,拨付,x,,50,,',
    ];
    assert.equal(run(rows)[0]?.pace?.reachedOn, '2024-03-05');
    const under = ['T1,2024-01-01,F,,目标,t,,100,,2024Q1', 'E1,2024-02-01,F,,拨付,x,,60,,'];
    const codes = (asOf: string): string[] =>
      analyzeLedger('t.csv', [H, ...under].join('\n'), { asOf }).diagnostics.map((d) => d.code);
    assert.deepEqual(codes('2024-03-31'), []);
    assert.deepEqual(codes('2024-04-01'), ['FL-TARGET-UNDER']);
  });

  it("uses the file's 截至 row as the default as-of date", () => {
    const r = analyzeLedger(
      't.csv',
      [H, 'T1,2024-01-01,F,,目标,t,,100,,2024', 'A1,2024-03-31,,,截至,x,,,,'].join('\n'),
    );
    assert.equal(r.asOf, '2024-03-31');
  });
});
