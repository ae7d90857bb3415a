// Pace over time for a target with a period: the cumulative actual as a step line against the
// straight line from zero at the period start to the target minimum at its end, plus the projection
// at the current pace. All pace numbers come from the core's TargetPace; this only draws them.
import { dayNumber } from '../../core/ledger/period';
import { formatAmount } from '../../core/money/format';
import type { ChartBar, ChartPace, ChartUnitChoice } from '../../shared/protocol';
import { sectionHead, type Columns } from './columns';
import { barName, fen, measureText, money, tickText, unitFor, type Translate } from './format';
import { fitText, px, type Mark } from './marks';
import { timeTicks } from './paceAxis';
import { paceVerdict, projectionLines, projectionText } from './paceText';
import { dayScale, moneyScale } from './scale';

export const PACE_HEIGHT = 190;
const PLOT_TOP = 34;
const PLOT_HEIGHT = 104;

/**
 * Step-line points up to `asOf`, at most one per pixel column: 1M entries must not become 1M path
 * segments. Entries dated after `asOf` are not "actual to date" and are left out, as in the core's
 * actualToDate; undated rows (before the period) start the line at the period start.
 */
function stepPath(
  pace: ChartPace,
  xOf: (day: number) => number,
  yOf: (v: bigint) => number,
): string {
  const start = dayNumber(pace.start);
  const asOf = dayNumber(pace.asOf);
  let d = `M${px(xOf(start))},${px(yOf(0n))}`;
  let lastX = Number.NaN;
  let pending: { x: number; y: number } | null = null;
  const flush = (): void => {
    if (pending) d += `H${pending.x}V${pending.y}`;
    pending = null;
  };
  for (const point of pace.cumulative) {
    const day = dayNumber(point.date);
    if (day > asOf) break;
    const x = px(xOf(Math.max(day, start)));
    if (x !== lastX) flush();
    pending = { x, y: px(yOf(fen(point.total))) };
    lastX = x;
  }
  flush();
  return d + `H${px(xOf(asOf))}`;
}

/** Marks for one pace chart at `top`; returns the height used. */
export function layoutPace(
  marks: Mark[],
  bar: ChartBar,
  pace: ChartPace,
  top: number,
  cols: Columns,
  choice: ChartUnitChoice,
  t: Translate,
): number {
  const unit = unitFor(bar, choice);
  const k = `${bar.key}/pace`;
  const hit = { bar: bar.key, part: null };
  const min = fen(bar.targetMin);
  const start = dayNumber(pace.start);
  const end = dayNumber(pace.end);
  const asOf = dayNumber(pace.asOf);
  const projected = pace.projectedCompletion === null ? null : dayNumber(pace.projectedCompletion);
  // A projection decades away would squash the period itself; show at most one extra period length.
  const last = Math.max(end, asOf, Math.min(projected ?? end, end + (end - start)));
  const xOf = dayScale(start, last, cols.x0, cols.x1);
  let hi = min > fen(pace.actualToDate) ? min : fen(pace.actualToDate);
  for (const p of pace.cumulative) if (fen(p.total) > hi) hi = fen(p.total);
  const ys = moneyScale(0n, hi, top + PLOT_TOP + PLOT_HEIGHT, top + PLOT_TOP, unit, 4);
  const yOf = (v: bigint): number => ys.x(v);
  const bottom = top + PLOT_TOP + PLOT_HEIGHT;
  const name = barName(bar);
  const verdict = paceVerdict(pace, t);

  marks.push(...sectionHead(k, cols, top, top + 22, name, hit));
  const sub = `${measureText(bar.measure, t)} · ${bar.period?.text ?? ''}`;
  marks.push({
    kind: 'text',
    key: `${k}/sub`,
    cls: 'muted',
    x: cols.left,
    y: top + 40,
    anchor: 'start',
    text: fitText(sub, cols.labelWidth, 11),
  });
  marks.push({
    kind: 'text',
    key: `${k}/verdict`,
    cls: `pace-verdict ${verdict.cls}`,
    x: cols.left,
    y: top + 62,
    anchor: 'start',
    text: fitText(verdict.text, cols.labelWidth, 12),
    title: verdict.text,
  });
  // Label and date on two lines, so a panel beside the grid never cuts the date off.
  const [projLabel, projDate] = projectionLines(pace, t);
  const proj = projectionText(pace, t);
  marks.push({
    kind: 'text',
    key: `${k}/projection`,
    cls: 'muted',
    x: cols.left,
    y: top + 82,
    anchor: 'start',
    text: fitText(projLabel, cols.labelWidth, 11),
    title: proj,
  });
  marks.push({
    kind: 'text',
    key: `${k}/projectionDate`,
    cls: 'pace-date',
    x: cols.left,
    y: top + 98,
    anchor: 'start',
    text: projDate,
    title: proj,
  });
  // The plan figure is a derived pro-rata amount, not a ledger amount: two decimals are enough.
  const exp = `${t('Plan to date')} ${formatAmount(fen(pace.expected), unit, { decimals: 2 })}`;
  const act = `${t('Actual to date')} ${money(pace.actualToDate, unit)}`;
  marks.push({
    kind: 'text',
    key: `${k}/toDate`,
    cls: 'summary',
    x: cols.narrow ? cols.left : cols.x0,
    y: bottom + 34,
    anchor: 'start',
    text: `${exp} · ${act} ${unit}`,
  });

  for (const [i, tick] of ys.ticks.entries()) {
    const y = px(ys.x(tick));
    marks.push({
      kind: 'line',
      key: `${k}/grid${i}`,
      cls: 'gridline',
      x1: cols.x0,
      y1: y,
      x2: cols.x1,
      y2: y,
    });
    marks.push({
      kind: 'text',
      key: `${k}/ytick${i}`,
      cls: 'tick-label',
      x: cols.x1 + 4,
      y: y + 3,
      anchor: 'start',
      text: tickText(tick, unit, ys.tickDecimals),
    });
  }
  for (const [i, label] of timeTicks(start, last).entries()) {
    const x = px(xOf(label.day));
    marks.push({
      kind: 'line',
      key: `${k}/xtick${i}`,
      cls: 'tick',
      x1: x,
      y1: bottom,
      x2: x,
      y2: bottom + 4,
    });
    marks.push({
      kind: 'text',
      key: `${k}/xlabel${i}`,
      cls: 'tick-label',
      x,
      y: bottom + 15,
      anchor: 'middle',
      text: label.text,
    });
  }
  const planTitle = `${t('Plan')}: ${pace.start} 0 → ${pace.end} ${money(min, unit)} ${unit}`;
  marks.push({
    kind: 'path',
    key: `${k}/plan`,
    cls: 'pace-plan',
    d: `M${px(xOf(start))},${px(yOf(0n))}L${px(xOf(end))},${px(yOf(min))}`,
    title: planTitle,
  });
  if (projected !== null && pace.reachedOn === null) {
    const px1 = xOf(Math.min(projected, last));
    const frac = projected === asOf ? 1 : (Math.min(projected, last) - asOf) / (projected - asOf);
    const yEnd = yOf(fen(pace.actualToDate)) + (yOf(min) - yOf(fen(pace.actualToDate))) * frac;
    marks.push({
      kind: 'path',
      key: `${k}/projection-line`,
      cls: 'pace-projection',
      d: `M${px(xOf(asOf))},${px(yOf(fen(pace.actualToDate)))}L${px(px1)},${px(yEnd)}`,
      title: proj,
    });
  }
  marks.push({
    kind: 'path',
    key: `${k}/actual`,
    cls: `pace-actual${pace.behind ? ' behind' : ''}`,
    d: stepPath(pace, xOf, yOf),
    title: act,
    hit,
  });
  const asOfX = px(xOf(asOf));
  marks.push({
    kind: 'line',
    key: `${k}/asof`,
    cls: 'asof',
    x1: asOfX,
    y1: top + PLOT_TOP - 4,
    x2: asOfX,
    y2: bottom,
  });
  marks.push({
    kind: 'text',
    key: `${k}/asofLabel`,
    cls: 'tick-label',
    // Beside the line, on the side with room, so it never runs into the axis labels.
    x: asOfX > (cols.x0 + cols.x1) / 2 ? asOfX - 4 : asOfX + 4,
    y: top + PLOT_TOP + 8,
    anchor: asOfX > (cols.x0 + cols.x1) / 2 ? 'end' : 'start',
    text: pace.asOf,
  });
  return PACE_HEIGHT;
}
