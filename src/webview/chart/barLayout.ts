// One bullet chart per target: the target as a marker (or a band for a range), the actual as a bar,
// each on its own scale because a 2亿 drive and a 432万 grant side by side would flatten the smaller.
import type { Fen } from '../../core/money/units';
import type { ChartBar, ChartDrill, ChartPart, ChartUnitChoice } from '../../shared/protocol';
import {
  barName,
  fen,
  measureText,
  money,
  shareText,
  statusText,
  targetText,
  tickText,
  unitFor,
  type Translate,
} from './format';
import { fitText, px, type Mark } from './marks';
import { FUND_ROW, PART_ROW, sectionHead, type Columns } from './columns';
import { moneyScale, type MoneyScale } from './scale';

/** Every amount the block shows, so the scale covers all of them. */
function extent(bar: ChartBar, parts: readonly ChartPart[]): [Fen, Fen] {
  let lo = 0n;
  let hi = 0n;
  const see = (v: Fen): void => {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const v of [bar.actual, bar.targetMin, bar.targetMax]) if (v !== null) see(fen(v));
  for (const p of parts) {
    see(fen(p.actual));
    if (p.targetMin !== null) see(fen(p.targetMin));
    if (p.targetMax !== null) see(fen(p.targetMax));
  }
  return [lo, hi];
}

/** The bar's drill-down rows for the chosen mode (none → no rows). */
export function partsFor(bar: ChartBar, drill: ChartDrill): readonly ChartPart[] {
  if (drill === 'none') return [];
  const parts = bar.breakdown[drill];
  // One part without a target of its own only repeats the bar above it.
  const only = parts[0];
  return parts.length === 1 && only && only.targetMin === null ? [] : parts;
}

/** Band (range target) or marker (single figure) plus the actual bar, on one track. */
function bullet(
  marks: Mark[],
  key: string,
  s: MoneyScale,
  y: number,
  h: number,
  item: { actual: string; targetMin: string | null; targetMax: string | null; status: string },
  title: string,
  hit: { bar: string; part: string | null },
  extraCls = '',
): void {
  const zero = s.x(0n);
  marks.push({
    kind: 'rect',
    key: `${key}/track`,
    cls: 'track',
    x: px(s.x(s.min)),
    y: px(y),
    w: px(s.x(s.max) - s.x(s.min)),
    h,
    title,
    hit,
  });
  if (item.targetMin !== null) {
    const a = s.x(fen(item.targetMin));
    const b = s.x(fen(item.targetMax ?? item.targetMin));
    if (b - a >= 1)
      marks.push({
        kind: 'rect',
        key: `${key}/band`,
        cls: 'band',
        x: px(a),
        y: px(y),
        w: px(b - a),
        h,
        title,
        hit,
      });
  }
  const v = s.x(fen(item.actual));
  const bh = Math.max(4, Math.round(h / 2));
  marks.push({
    kind: 'rect',
    key: `${key}/actual`,
    cls: `actual status-${item.status}${extraCls}`,
    x: px(Math.min(zero, v)),
    y: px(y + (h - bh) / 2),
    w: px(Math.max(Math.abs(v - zero), 1)),
    h: bh,
    title,
    hit,
  });
  if (item.targetMin !== null) {
    const ends =
      item.targetMax !== null && item.targetMax !== item.targetMin
        ? [item.targetMin, item.targetMax]
        : [item.targetMin];
    ends.forEach((t, i) => {
      const x = px(s.x(fen(t)));
      marks.push({
        kind: 'line',
        key: `${key}/target${i}`,
        cls: 'target-marker',
        x1: x,
        y1: px(y - 3),
        x2: x,
        y2: px(y + h + 3),
        title,
        hit,
      });
    });
  }
}

/** Marks for one bar and its drill-down rows, starting at `top`; returns the height used. */
export function layoutBar(
  marks: Mark[],
  bar: ChartBar,
  top: number,
  cols: Columns,
  choice: ChartUnitChoice,
  drill: ChartDrill,
  t: Translate,
): number {
  const unit = unitFor(bar, choice);
  const parts = partsFor(bar, drill);
  const [lo, hi] = extent(bar, parts);
  const s = moneyScale(
    lo,
    hi,
    cols.x0,
    cols.x1,
    unit,
    Math.max(2, Math.floor((cols.x1 - cols.x0) / 90)),
  );
  const k = bar.key;
  const hit = { bar: k, part: null };
  const name = barName(bar);
  const target = targetText(bar, unit);
  const sub = [measureText(bar.measure, t), bar.period?.text].filter((x) => x).join(' · ');
  const title = [
    name,
    `${measureText(bar.measure, t)}: ${money(bar.actual, unit)} ${unit}`,
    target === null ? t('No target') : `${t('Target')}: ${target} ${unit}`,
    `${t('Share of target')}: ${shareText(bar.share)}`,
    statusText(bar.status, t),
  ].join('\n');

  marks.push(...sectionHead(k, cols, top, top + 24, name, hit));
  marks.push({
    kind: 'text',
    key: `${k}/sub`,
    cls: 'muted',
    x: cols.left,
    y: top + 42,
    anchor: 'start',
    text: fitText(sub, cols.labelWidth, 11),
    title: sub,
  });
  bullet(marks, k, s, top + 14, 24, bar, title, hit);
  for (const [i, tick] of s.ticks.entries()) {
    const x = px(s.x(tick));
    marks.push({
      kind: 'line',
      key: `${k}/tick${i}`,
      cls: 'tick',
      x1: x,
      y1: top + 41,
      x2: x,
      y2: top + 45,
    });
    marks.push({
      kind: 'text',
      key: `${k}/tickLabel${i}`,
      cls: 'tick-label',
      x,
      y: top + 56,
      // The end ticks align inwards so their labels stay over the plot.
      anchor: i === 0 ? 'start' : i === s.ticks.length - 1 ? 'end' : 'middle',
      text: tickText(tick, unit, s.tickDecimals),
    });
  }
  const summary = [
    `${measureText(bar.measure, t)} ${money(bar.actual, unit)}`,
    target === null ? t('No target') : `${t('Target')} ${target}`,
    `${t('Remaining')} ${money(bar.remaining, unit)}`,
  ].join(' · ');
  marks.push({
    kind: 'text',
    key: `${k}/summary`,
    cls: 'summary',
    x: cols.narrow ? cols.left : cols.x0,
    y: top + 74,
    anchor: 'start',
    text: `${summary} ${unit}`,
  });
  marks.push({
    kind: 'text',
    key: `${k}/share`,
    cls: 'share',
    x: cols.right,
    y: top + 28,
    anchor: 'start',
    text: shareText(bar.share),
  });
  marks.push({
    kind: 'text',
    key: `${k}/status`,
    cls: `status-text status-${bar.status}`,
    x: cols.right,
    y: top + 46,
    anchor: 'start',
    text: statusText(bar.status, t),
  });

  let y = top + FUND_ROW;
  for (const p of parts) {
    const pk = `${k}/${drill}/${p.key}`;
    const phit = { bar: k, part: p.key };
    const ptarget = targetText(p, unit);
    const ptitle = [
      `${name} · ${p.label}`,
      `${measureText(bar.measure, t)}: ${money(p.actual, unit)} ${unit}`,
      ptarget === null ? '' : `${t('Target')}: ${ptarget} ${unit}`,
    ]
      .filter((x) => x)
      .join('\n');
    marks.push({
      kind: 'text',
      key: `${pk}/label`,
      cls: 'part-label',
      x: cols.left + 14,
      y: y + 16,
      anchor: 'start',
      text: fitText(p.label, cols.labelWidth - 14, 12),
      title: ptitle,
      hit: phit,
    });
    bullet(marks, pk, s, y + 5, 14, p, ptitle, phit, ' part');
    marks.push({
      kind: 'text',
      key: `${pk}/value`,
      cls: 'part-value',
      x: cols.right,
      y: y + 16,
      anchor: 'start',
      text: money(p.actual, unit),
    });
    y += PART_ROW;
  }
  return y - top + (parts.length > 0 ? 6 : 0);
}
