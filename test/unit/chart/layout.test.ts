import * as assert from 'node:assert/strict';
import { layoutChart } from '../../../src/webview/chart/chartLayout';
import type { Mark, RectMark, TextMark } from '../../../src/webview/chart/marks';
import { fitText, textWidth } from '../../../src/webview/chart/marks';
import { timeTicks } from '../../../src/webview/chart/paceAxis';
import { dayNumber } from '../../../src/core/ledger/period';
import type { ChartPace } from '../../../src/shared/protocol';
import { bar, model, part, t } from './builders';

const view = (bars = [bar()], over = {}) => ({
  model: model(bars),
  unit: '万元' as const,
  drill: 'none' as const,
  scope: 'file' as const,
  width: 1000,
  ...over,
});
const byKey = (marks: Mark[], suffix: string) => marks.filter((m) => m.key.endsWith(suffix));
const text = (marks: Mark[], suffix: string) =>
  (byKey(marks, suffix)[0] as TextMark | undefined)?.text;

describe('chart layout', () => {
  it('draws a single-figure target as a marker and no band', () => {
    const { marks } = layoutChart(view(), t);
    assert.equal(byKey(marks, '/band').length, 0);
    assert.equal(byKey(marks, '/target0').length, 1);
    assert.equal(byKey(marks, '/target1').length, 0);
  });

  it('draws a 1000–1500万 range as a band between its two markers', () => {
    const b = bar({
      targetMin: '1000000000',
      targetMax: '1500000000',
      actual: '1300000000',
      status: 'within',
    });
    const { marks } = layoutChart(view([b]), t);
    const band = byKey(marks, '/band')[0] as RectMark;
    const m0 = byKey(marks, '/target0')[0];
    const m1 = byKey(marks, '/target1')[0];
    assert.ok(band && m0?.kind === 'line' && m1?.kind === 'line');
    assert.ok(Math.abs(band.x - m0.x1) < 0.11);
    assert.ok(Math.abs(band.x + band.w - m1.x1) < 0.11);
    const actual = byKey(marks, '/actual')[0] as RectMark;
    assert.ok(
      actual.x + actual.w > band.x && actual.x + actual.w < band.x + band.w,
      'actual ends inside the band',
    );
    assert.match(actual.cls, /status-within/);
  });

  it('shows status with a glyph and words, not colour alone', () => {
    const { marks } = layoutChart(view([bar({ status: 'over' })]), t);
    assert.equal(text(marks, '/status'), '▲ Above target');
    assert.equal(text(marks, '/share'), '85.0%');
  });

  it('prints amounts with formatAmount in the chosen unit', () => {
    const a = layoutChart(view(), t).marks;
    assert.equal(text(a, '/summary'), 'Allocated 367.20 · Target 432.00 · Remaining 64.80 万元');
    const b = layoutChart(view([bar()], { unit: '元' }), t).marks;
    assert.equal(
      text(b, '/summary'),
      'Allocated 3,672,000.00 · Target 4,320,000.00 · Remaining 648,000.00 元',
    );
    const c = layoutChart(view([bar()], { unit: '亿元' }), t).marks;
    assert.equal(text(c, '/summary'), 'Allocated 0.03672 · Target 0.0432 · Remaining 0.00648 亿元');
  });

  it('with units as declared, labels each bar in its target’s unit', () => {
    const { marks } = layoutChart(view([bar({ unit: '元' })], { unit: 'asDeclared' }), t);
    assert.equal(
      text(marks, '/summary'),
      'Allocated 3,672,000.00 · Target 4,320,000.00 · Remaining 648,000.00 元',
    );
    assert.equal(text(marks, 'subheading'), 'As of 2024-06-30 · Amounts in each target’s own unit');
  });

  it('keeps a hostile fund name as literal text in the label and the tooltip', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { marks } = layoutChart(view([bar({ fund: evil })]), t);
    const name = byKey(marks, '/name')[0] as TextMark;
    assert.equal(name.title, evil);
    assert.ok(evil.startsWith(name.text.replace('…', '')));
    assert.ok(byKey(marks, '/actual')[0]?.title?.startsWith(evil));
  });

  it('adds one sub-row per drill-down part, on the parent’s scale', () => {
    const parts = [
      part('学校建设', '200000000'),
      part('条件改善', '120000000'),
      part('学生资助', '47200000'),
    ];
    const b = bar({ breakdown: { category: parts, year: [], quarter: [] } });
    const none = layoutChart(view([b]), t);
    const cat = layoutChart(view([b], { drill: 'category' }), t);
    assert.ok(cat.height > none.height);
    const labels = cat.marks
      .filter((m) => m.key.endsWith('/label'))
      .map((m) => (m as TextMark).text);
    assert.deepEqual(labels, ['学校建设', '条件改善', '学生资助']);
    const track = byKey(cat.marks, '/track');
    assert.equal(new Set(track.map((m) => (m as RectMark).x)).size, 1, 'same x origin');
    const hits = byKey(cat.marks, '/category/条件改善/actual')[0]?.hit;
    assert.deepEqual(hits, { bar: b.key, part: '条件改善' });
  });

  it('skips a drill-down that would only repeat the bar', () => {
    const b = bar({ breakdown: { category: [part('', '367200000')], year: [], quarter: [] } });
    const none = layoutChart(view([b]), t);
    const cat = layoutChart(view([b], { drill: 'category' }), t);
    assert.equal(cat.height, none.height);
  });

  it('gives every mark a unique key', () => {
    const parts = [part('2023', '1'), part('2024', '2')];
    const b1 = bar({ breakdown: { category: [], year: parts, quarter: [] } });
    const b2 = bar({ key: 'other', fund: '教育基金' });
    const { marks } = layoutChart(view([b1, b2], { drill: 'year' }), t);
    assert.equal(new Set(marks.map((m) => m.key)).size, marks.length);
  });

  it('says so when there is nothing to chart', () => {
    const { marks } = layoutChart(view([]), t);
    assert.equal(text(marks, 'empty'), 'No targets or entries found.');
  });
});

describe('pace layout', () => {
  const pace = (over: Partial<ChartPace> = {}): ChartPace => ({
    start: '2023-01-01',
    end: '2025-12-31',
    asOf: '2024-06-30',
    expected: '10000000000',
    actualToDate: '5300000000',
    behind: true,
    projectedCompletion: '2027-02-14',
    reachedOn: null,
    cumulative: [
      { date: '2023-06-30', total: '3000000000' },
      { date: '2024-03-31', total: '5300000000' },
    ],
    ...over,
  });
  const drive = (p: ChartPace) =>
    bar({
      key: 'drive',
      fund: '教育基金',
      measure: 'raised',
      targetMin: '20000000000',
      targetMax: '20000000000',
      period: { text: '2023..2025', start: '2023-01-01', end: '2025-12-31' },
      pace: p,
    });

  it('draws the plan from zero at the start to the target at the end', () => {
    const { marks } = layoutChart(view([drive(pace())], { unit: '亿元' }), t);
    const plan = byKey(marks, '/pace/plan')[0];
    assert.ok(plan?.kind === 'path');
    const nums = plan.d.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    assert.equal(nums.length, 4);
    const [x0, y0, x1, y1] = nums as [number, number, number, number];
    assert.ok(x1 > x0 && y1 < y0, 'rises left to right');
    assert.equal(text(marks, '/pace/verdict'), '⚠ Behind plan');
    assert.equal(text(marks, '/pace/projection'), 'Projected finish');
    assert.equal(text(marks, '/pace/projectionDate'), '2027-02-14');
    assert.ok(byKey(marks, '/pace/projection-line').length === 1);
  });

  it('says when the target was reached and draws no projection', () => {
    const { marks } = layoutChart(
      view([drive(pace({ reachedOn: '2024-05-01', behind: false, projectedCompletion: null }))]),
      t,
    );
    assert.equal(text(marks, '/pace/verdict'), '✓ Target reached');
    assert.equal(text(marks, '/pace/projectionDate'), '2024-05-01');
    assert.equal(byKey(marks, '/pace/projection-line').length, 0);
  });

  it('keeps the step line to about one point per pixel for 100k entries', () => {
    const cumulative = Array.from({ length: 100_000 }, (_, i) => ({
      date: new Date(Date.UTC(2023, 0, 1) + Math.floor(i / 100) * 86_400_000)
        .toISOString()
        .slice(0, 10),
      total: String((i + 1) * 10000),
    }));
    const { marks } = layoutChart(view([drive(pace({ cumulative }))]), t);
    const line = byKey(marks, '/pace/actual')[0];
    assert.ok(line?.kind === 'path');
    assert.ok((line.d.match(/H/g) ?? []).length < 1200);
  });

  it('ticks years for long periods and quarters for short ones', () => {
    assert.deepEqual(
      timeTicks(dayNumber('2023-01-01'), dayNumber('2025-12-31')).map((x) => x.text),
      ['2023', '2024', '2025'],
    );
    assert.deepEqual(
      timeTicks(dayNumber('2024-01-01'), dayNumber('2024-12-31')).map((x) => x.text),
      ['2024Q1', '2024Q2', '2024Q3', '2024Q4'],
    );
  });
});

describe('text fitting', () => {
  it('counts CJK as full width and cuts with an ellipsis', () => {
    assert.equal(textWidth('资金', 10), 20);
    assert.equal(textWidth('ab', 10), 12);
    assert.equal(fitText('对口帮扶援助资金', 50, 10), '对口帮扶…');
    assert.equal(fitText('short', 500, 10), 'short');
  });
});
