import * as assert from 'node:assert/strict';
import { toCsv } from '../../../src/core/csv/tsv';
import { buildTable, tableCells } from '../../../src/webview/chart/tableModel';
import { translator } from '../../../src/webview/chart/format';
import { bar, model, part, t } from './builders';

describe('chart table and CSV', () => {
  it('has one row per target with the same numbers as the chart', () => {
    const tm = buildTable(
      model([bar()]),
      { unit: '万元', drill: 'none', scope: 'file', grouping: true },
      t,
    );
    assert.deepEqual(tm.headers, [
      'Fund',
      'Category',
      'Breakdown',
      'Measure',
      'Period',
      'Target (万元)',
      'Actual (万元)',
      'Share of target',
      'Remaining (万元)',
      'Status',
      'Pace',
    ]);
    assert.deepEqual(tm.rows[0]?.cells, [
      '对口帮扶援助资金',
      '',
      '',
      'Allocated',
      '',
      '432.00',
      '367.20',
      '85.0%',
      '64.80',
      '▽ Below target',
      '',
    ]);
    assert.equal(tm.fundColumn, 0);
  });

  it('adds a Ledger column in workspace scope and part rows for a drill-down', () => {
    const b = bar({
      breakdown: {
        category: [part('学校建设', '200000000'), part('条件改善', '167200000')],
        year: [],
        quarter: [],
      },
    });
    const tm = buildTable(
      model([b]),
      { unit: '元', drill: 'category', scope: 'workspace', grouping: true },
      t,
    );
    assert.equal(tm.headers[0], 'Ledger');
    assert.equal(tm.fundColumn, 1);
    assert.equal(tm.rows.length, 3);
    assert.equal(tm.rows[1]?.level, 1);
    assert.equal(tm.rows[1]?.cells[3], '学校建设');
    assert.equal(tm.rows[1]?.cells[7], '2,000,000.00');
    assert.deepEqual(tm.rows[1]?.hit, { bar: b.key, part: '学校建设' });
  });

  it('shows a band target as a range', () => {
    const b = bar({ targetMin: '1000000000', targetMax: '1500000000' });
    const tm = buildTable(
      model([b]),
      { unit: '万元', drill: 'none', scope: 'file', grouping: true },
      t,
    );
    assert.equal(tm.rows[0]?.cells[5], '1,000.00–1,500.00');
  });

  it('exports CSV without grouping separators, hostile text quoted as data', () => {
    const b = bar({ fund: '=HYPERLINK("x"),<img src=x onerror=1>' });
    const tm = buildTable(
      model([b]),
      { unit: '元', drill: 'none', scope: 'file', grouping: false },
      t,
    );
    const csv = toCsv(tableCells(tm));
    const lines = csv.split('\r\n');
    assert.match(lines[1] ?? '', /^"=HYPERLINK\(""x""\),<img src=x onerror=1>",/);
    assert.match(lines[1] ?? '', /,4320000\.00,3672000\.00,/);
  });

  it('with units as declared, shows each target in its own unit and says which', () => {
    const big = bar({
      key: 'drive',
      fund: '教育基金',
      unit: '亿元',
      targetMin: '20000000000',
      targetMax: '20000000000',
      actual: '7300000000',
      remaining: '12700000000',
    });
    const tm = buildTable(
      model([bar(), big]),
      { unit: 'asDeclared', drill: 'none', scope: 'file', grouping: true },
      t,
    );
    assert.equal(tm.headers[5], 'Target');
    assert.equal(tm.headers[9], 'Unit');
    assert.deepEqual(
      tm.rows.map((r) => [r.cells[5], r.cells[6], r.cells[9]]),
      [
        ['432.00', '367.20', '万元'],
        ['2.00', '0.73', '亿元'],
      ],
    );
  });

  it('uses the localised strings it is given', () => {
    const zh = translator({ Fund: '资金', 'Below target': '低于目标', Allocated: '拨付' });
    const tm = buildTable(
      model([bar()]),
      { unit: '万元', drill: 'none', scope: 'file', grouping: true },
      zh,
    );
    assert.equal(tm.headers[0], '资金');
    assert.equal(tm.rows[0]?.cells[3], '拨付');
    assert.equal(tm.rows[0]?.cells[9], '▽ 低于目标');
  });
});
