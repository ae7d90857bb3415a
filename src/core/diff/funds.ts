import { formatAmount } from '../money/format';
import type { Fen, Unit } from '../money/units';
import type { TargetProgress, TargetStatus } from '../ledger/targets';
import type { Bilingual } from '../diagnostics';

/** How one fund's (or fund/category's) counted total moved between two versions of a ledger. */
export interface FundDelta {
  readonly fund: string;
  readonly category?: string;
  /** The entry kind counted: allocated, raised or spent. */
  readonly measure: string;
  /** Absent when the group does not exist on that side. */
  readonly before?: string;
  readonly after?: string;
  /** Exact amounts as decimal strings in `unit` (bigint does not survive JSON). */
  readonly delta: string;
  readonly unit: Unit;
  readonly statusBefore?: TargetStatus;
  readonly statusAfter?: TargetStatus;
  /** The target band after the change, formatted, when there is one. */
  readonly targetAfter?: string;
  readonly message: Bilingual;
}

const keyOf = (p: TargetProgress): string =>
  JSON.stringify([
    p.fund,
    p.category ?? '',
    p.measure,
    p.target?.kind ?? '',
    p.target?.period ?? '',
  ]);

/**
 * Compares the target aggregation of two versions and lists the groups whose total or status
 * changed, e.g. "FD-PAIRED total 4,320,000.00 → 4,620,000.00 (+300,000.00), now over its
 * 4,320,000.00 target". Groups are matched by fund, category, measure, target kind and period.
 */
export function fundDeltas(
  before: readonly TargetProgress[],
  after: readonly TargetProgress[],
): FundDelta[] {
  const old = new Map(before.map((p) => [keyOf(p), p]));
  const out: FundDelta[] = [];
  const seen = new Set<string>();
  for (const p of after) {
    const k = keyOf(p);
    seen.add(k);
    const q = old.get(k);
    if (q && q.actual === p.actual && q.status === p.status && sameBand(q, p)) continue;
    out.push(delta(q, p));
  }
  for (const q of before) if (!seen.has(keyOf(q))) out.push(delta(q, undefined));
  return out;
}

function sameBand(a: TargetProgress, b: TargetProgress): boolean {
  return a.target?.min === b.target?.min && a.target?.max === b.target?.max;
}

function delta(q: TargetProgress | undefined, p: TargetProgress | undefined): FundDelta {
  const g = (p ?? q) as TargetProgress;
  const unit = g.unit;
  const fmt = (f: Fen): string => formatAmount(f, unit);
  const b = q?.actual ?? 0n;
  const a = p?.actual ?? 0n;
  const d = a - b;
  const sign = d > 0n ? '+' : d < 0n ? '−' : '±';
  const dText = `${sign}${fmt(d < 0n ? -d : d)}`;
  const name = g.category ? `${g.fund} / ${g.category}` : g.fund;
  const band = p?.target;
  const bandText = band
    ? band.min === band.max
      ? fmt(band.min)
      : `${fmt(band.min)}–${fmt(band.max)}`
    : undefined;
  const status = statusPhrase(q?.status, p?.status, bandText);
  const totals =
    q && p ? `${fmt(b)} → ${fmt(a)} (${dText})` : p ? `new, ${fmt(a)}` : `removed (was ${fmt(b)})`;
  const totalsZh =
    q && p
      ? `${fmt(b)} → ${fmt(a)}（${dText}）`
      : p
        ? `新增，${fmt(a)}`
        : `已删除（原为 ${fmt(b)}）`;
  return {
    fund: g.fund,
    ...(g.category !== undefined ? { category: g.category } : {}),
    measure: g.measure,
    ...(q ? { before: fmt(b), statusBefore: q.status } : {}),
    ...(p ? { after: fmt(a), statusAfter: p.status } : {}),
    ...(bandText !== undefined ? { targetAfter: bandText } : {}),
    delta: dText,
    unit,
    message: {
      en: `${name} ${g.measure} total ${totals}${status.en}`,
      zh: `${name} ${MEASURE_ZH[g.measure] ?? g.measure}合计 ${totalsZh}${status.zh}`,
    },
  };
}

const MEASURE_ZH: Readonly<Record<string, string>> = {
  allocated: '拨付',
  raised: '筹集',
  spent: '支出',
};
const STATUS_EN: Readonly<Record<TargetStatus, string>> = {
  'no-target': 'without a target',
  under: 'under',
  within: 'within',
  over: 'over',
};
const STATUS_ZH: Readonly<Record<TargetStatus, string>> = {
  'no-target': '无目标',
  under: '未达到',
  within: '在范围内',
  over: '超出',
};

function statusPhrase(
  before: TargetStatus | undefined,
  after: TargetStatus | undefined,
  band: string | undefined,
): Bilingual {
  if (!after || after === before || after === 'no-target' || band === undefined)
    return { en: '', zh: '' };
  return {
    en: `, now ${STATUS_EN[after]} its ${band} target`,
    zh: `，现${STATUS_ZH[after]}目标 ${band}`,
  };
}
