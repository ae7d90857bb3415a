import type { LedgerFacts } from './facts';
import { dateFromDayNumber, dayNumber } from './period';
import type { TargetBand, TargetPace } from './targets';

/**
 * Straight-line pace of a dated target: where the minimum "should" be after the elapsed share of the
 * period, the cumulative actual by date, and when the minimum is (or would be, at the pace so far) reached.
 */
export function computePace(
  facts: LedgerFacts,
  rows: readonly number[],
  band: TargetBand,
  asOf: string,
): TargetPace {
  const s = facts.store;
  const period = band.period;
  if (!period) throw new RangeError('computePace needs a target with a period');
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  const at = Math.min(Math.max(dayNumber(asOf), start - 1), end);
  const totalDays = end - start + 1;
  const elapsedDays = Math.max(0, at - start + 1);
  // Sort by (day, row) with one numeric typed-array sort: fast even for a million entries.
  const keys = new Float64Array(rows.length);
  rows.forEach((r, i) => (keys[i] = (s.day[r] ?? 0) * 2 ** 24 + i));
  keys.sort();
  const cumulative: { date: string; total: bigint; row: number }[] = [];
  let total = 0n;
  let actualToDate = 0n;
  let reachedDay: number | undefined;
  // One point per day: the date text is made once per day, not once per entry (updates redo this).
  let lastDay = NaN;
  for (const key of keys) {
    const i = key % 2 ** 24;
    const r = rows[i] as number;
    const day = Math.floor(key / 2 ** 24);
    total += s.amount[r] ?? 0n;
    if (day <= at) actualToDate = total;
    if (reachedDay === undefined && total >= band.min) reachedDay = day;
    const last = cumulative[cumulative.length - 1];
    if (last && day === lastDay) {
      last.total = total;
      last.row = r;
    } else cumulative.push({ date: dateFromDayNumber(day), total, row: r });
    lastDay = day;
  }
  const expected = (band.min * BigInt(elapsedDays)) / BigInt(totalDays);
  const ended = dayNumber(asOf) > end;
  const behind = ended ? actualToDate < band.min : actualToDate < expected;
  const pace: TargetPace = {
    asOf: dateFromDayNumber(Math.max(at, start)),
    elapsed: elapsedDays / totalDays,
    expected,
    actualToDate,
    behind,
    cumulative,
  };
  if (reachedDay !== undefined && reachedDay <= at)
    return { ...pace, reachedOn: dateFromDayNumber(reachedDay) };
  if (actualToDate > 0n && elapsedDays > 0) {
    // Days needed at the average daily pace so far: min / (actual / elapsed), rounded up.
    const need = (band.min * BigInt(elapsedDays) + actualToDate - 1n) / actualToDate;
    // Beyond a century the projection means "not at this pace"; leave it out rather than print year 9999.
    if (need < 36_500n)
      return { ...pace, projectedCompletion: dateFromDayNumber(start + Number(need) - 1) };
  }
  return pace;
}
