// Text the chart and the table share: localised strings, money via the core's formatAmount, status labels.
import { formatAmount } from '../../core/money/format';
import type { Fen, Unit } from '../../core/money/units';
import type {
  ChartBar,
  ChartMeasure,
  ChartStatus,
  ChartUnitChoice,
  FenString,
} from '../../shared/protocol';

/** Looks up a localised string by its English source text and fills `{0}`, `{1}`… */
export type Translate = (source: string, ...args: string[]) => string;

export function translator(strings: Readonly<Record<string, string>>): Translate {
  return (source, ...args) => {
    const text = Object.prototype.hasOwnProperty.call(strings, source) ? strings[source] : source;
    return (text ?? source).replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);
  };
}

/** Parses a fen string from the extension; anything malformed becomes 0 rather than a thrown error mid-render. */
export function fen(text: FenString | null | undefined): Fen {
  if (text === null || text === undefined || !/^-?\d+$/.test(text)) return 0n;
  return BigInt(text);
}

/** The unit a bar is shown in: the chosen one, or the one its target declares (like `fund-ledger report`). */
export function unitFor(bar: Pick<ChartBar, 'unit'>, choice: ChartUnitChoice): Unit {
  return choice === 'asDeclared' ? bar.unit : choice;
}

/** Exact amount in `unit`, as the grid and `fund-ledger report` print it. */
export function money(text: FenString | Fen, unit: Unit, grouping = true): string {
  const v = typeof text === 'bigint' ? text : fen(text);
  return formatAmount(v, unit, { grouping });
}

/** Axis label: only as many decimals as the tick step needs, still exact. */
export function tickText(v: Fen, unit: Unit, decimals: number): string {
  return formatAmount(v, unit, { decimals });
}

/** Target as `432.00`, or `1,000.00–1,500.00` for a band; null without a target. */
export function targetText(
  bar: Pick<ChartBar, 'targetMin' | 'targetMax'>,
  unit: Unit,
  grouping = true,
): string | null {
  if (bar.targetMin === null) return null;
  const min = money(bar.targetMin, unit, grouping);
  if (bar.targetMax === null || bar.targetMax === bar.targetMin) return min;
  return `${min}–${money(bar.targetMax, unit, grouping)}`;
}

/** Share of target as a percentage with one decimal; the core's float is display-only. */
export function shareText(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/** Glyph shown with every status so it is never told by colour alone. */
export const STATUS_GLYPH: Readonly<Record<ChartStatus, string>> = {
  under: '▽',
  within: '✓',
  over: '▲',
  'no-target': '–',
};

const STATUS_SOURCE: Readonly<Record<ChartStatus, string>> = {
  under: 'Below target',
  within: 'Within target',
  over: 'Above target',
  'no-target': 'No target',
};

export function statusText(status: ChartStatus, t: Translate): string {
  return `${STATUS_GLYPH[status]} ${t(STATUS_SOURCE[status])}`;
}

const MEASURE_SOURCE: Readonly<Record<ChartMeasure, string>> = {
  raised: 'Raised',
  allocated: 'Allocated',
  spent: 'Spent',
};

export function measureText(measure: ChartMeasure, t: Translate): string {
  return t(MEASURE_SOURCE[measure]);
}

/** `对口帮扶援助资金 · 学校建设`: the fund, and the category when the target is for one. */
export function barName(bar: Pick<ChartBar, 'fund' | 'category'>): string {
  return bar.category === null ? bar.fund : `${bar.fund} · ${bar.category}`;
}
