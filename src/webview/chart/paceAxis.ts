// The pace charts' legend and time axis.
import { dateFromDayNumber, dayNumber } from '../../core/ledger/period';
import type { Translate } from './format';
import { px, textWidth, type Mark } from './marks';

/** One legend for every pace chart, under the section heading, so it never collides with a plot. */
export function paceLegend(marks: Mark[], x0: number, y: number, t: Translate): void {
  const items: [string, string][] = [
    ['pace-actual', t('Actual (cumulative)')],
    ['pace-plan', t('Straight-line plan')],
    ['pace-projection', t('At current pace')],
  ];
  let x = x0;
  items.forEach(([cls, label], i) => {
    marks.push({ kind: 'path', key: `pace-legend${i}`, cls, d: `M${px(x)},${y - 4}h18` });
    marks.push({
      kind: 'text',
      key: `pace-legendLabel${i}`,
      cls: 'legend',
      x: px(x + 22),
      y,
      anchor: 'start',
      text: label,
    });
    x += 22 + textWidth(label, 11) + 18;
  });
}

/** Year starts, or quarter starts for a span shorter than about two years. */
export function timeTicks(first: number, last: number): { day: number; text: string }[] {
  const y0 = Number(dateFromDayNumber(first).slice(0, 4));
  const y1 = Number(dateFromDayNumber(last).slice(0, 4));
  const quarters = last - first < 700;
  const out: { day: number; text: string }[] = [];
  for (let y = y0; y <= y1 + 1; y++) {
    for (let q = 0; q < (quarters ? 4 : 1); q++) {
      const day = dayNumber(`${y}-${String(q * 3 + 1).padStart(2, '0')}-01`);
      if (day >= first && day <= last)
        out.push({ day, text: quarters ? `${y}Q${q + 1}` : String(y) });
    }
  }
  return out;
}
