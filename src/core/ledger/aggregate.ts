// The one aggregation of entries against targets. The chart, `fund-ledger report`, the validate
// summary and the over/under checks all read its result, so they can never disagree by a fen.
import type { Unit } from '../money/units';
import { isEntryCode, KIND_CODES, UNIT_CODES, type LedgerFacts, type TargetRow } from './facts';
import { dayNumber } from './period';
import { measuredKind, type EntryKind } from './schema';
import { CellState } from './store';
import type { ComputeTargetsOptions, TargetBand, TargetProgress, TargetStatus } from './targets';
import { computePace } from './pace';

/** Entry rows of each fund, in file order, so each target only walks its own fund. */
function rowsByFund(facts: LedgerFacts): Map<number, number[]> {
  const s = facts.store;
  const map = new Map<number, number[]>();
  for (let r = 1; r < s.size; r++) {
    if (!isEntryCode(s.kind[r] ?? 0)) continue;
    const f = s.fund[r] ?? 0;
    let list = map.get(f);
    if (!list) map.set(f, (list = []));
    list.push(r);
  }
  return map;
}

/** A target's band in fen, or undefined when its amount could not be read (already reported). */
export function targetBand(facts: LedgerFacts, t: TargetRow): TargetBand | undefined {
  const s = facts.store;
  const aState = s.amountState[t.row] ?? CellState.Empty;
  if (aState !== CellState.Number && aState !== CellState.Formula) return undefined;
  const min = s.amount[t.row] ?? 0n;
  const mState = s.maxState[t.row] ?? CellState.Empty;
  const max =
    mState === CellState.Number || mState === CellState.Formula ? s.fen('max', t.row) : min;
  const band = { kind: t.kind, min, max, row: t.row, id: t.id };
  return t.period ? { ...band, period: t.period } : band;
}

function statusOf(actual: bigint, band: TargetBand): TargetStatus {
  if (actual > band.max) return 'over';
  if (actual < band.min) return 'under';
  return 'within';
}

export function computeTargets(facts: LedgerFacts, opts: ComputeTargetsOptions): TargetProgress[] {
  const s = facts.store;
  const byFund = rowsByFund(facts);
  const covered = new Uint8Array(s.size);
  const out: TargetProgress[] = [];
  for (const t of facts.targets) {
    const band = targetBand(facts, t);
    const measure = measuredKind(t.kind);
    const kindCode = KIND_CODES.indexOf(measure);
    const startDay = t.period ? dayNumber(t.period.start) : -Infinity;
    const endDay = t.period ? dayNumber(t.period.end) : Infinity;
    const rows: number[] = [];
    let actual = 0n;
    for (const r of byFund.get(t.fund) ?? []) {
      if (s.kind[r] !== kindCode) continue;
      if (t.category !== 0 && s.category[r] !== t.category) continue;
      const day = s.day[r] ?? -1;
      if (t.period && (day < startDay || day > endDay)) continue;
      covered[r] = 1;
      if (!countsAsMoney(s.amountState[r] ?? 0)) continue;
      rows.push(r);
      actual += s.amount[r] ?? 0n;
    }
    const base = groupBase(facts, t.fund, t.category, measure, t.unit);
    if (!band) {
      out.push({ ...base, actual, remaining: 0n, status: 'no-target', rows });
      continue;
    }
    const remaining = band.min > actual ? band.min - actual : 0n;
    const p: TargetProgress = {
      ...base,
      target: band,
      actual,
      remaining,
      status: statusOf(actual, band),
      rows,
      ...(band.min > 0n ? { share: ratio(actual, band.min) } : {}),
      ...(opts.pace && band.period ? { pace: computePace(facts, rows, band, opts.asOf) } : {}),
    };
    out.push(p);
  }
  out.push(...uncovered(facts, covered));
  return out;
}

const countsAsMoney = (state: number): boolean =>
  state === CellState.Number || state === CellState.Formula;

/** actual / min as a float for display only; computed on scaled bigints so huge amounts do not overflow. */
export function ratio(actual: bigint, min: bigint): number {
  return Number((actual * 1_000_000n) / min) / 1_000_000;
}

function groupBase(
  facts: LedgerFacts,
  fund: number,
  category: number,
  measure: EntryKind,
  unit: Unit,
): { fund: string; category?: string; measure: EntryKind; unit: Unit } {
  const base = { fund: facts.funds.get(fund), measure, unit };
  return category !== 0 ? { ...base, category: facts.categories.get(category) } : base;
}

/** Entries no target counts, grouped by fund, category and kind, so no money disappears from the chart. */
function uncovered(facts: LedgerFacts, covered: Uint8Array): TargetProgress[] {
  const s = facts.store;
  const groups = new Map<
    string,
    { fund: number; category: number; kind: number; rows: number[]; actual: bigint }
  >();
  for (let r = 1; r < s.size; r++) {
    const kind = s.kind[r] ?? 0;
    if (!isEntryCode(kind) || covered[r]) continue;
    const fund = s.fund[r] ?? 0;
    const category = s.category[r] ?? 0;
    const key = `${fund}|${category}|${kind}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { fund, category, kind, rows: [], actual: 0n }));
    if (!countsAsMoney(s.amountState[r] ?? 0)) continue;
    g.rows.push(r);
    g.actual += s.amount[r] ?? 0n;
  }
  const amountCol = facts.schema.columns.get('amount');
  const unit: Unit =
    (amountCol !== undefined ? facts.schema.headers[amountCol]?.unit : undefined) ??
    UNIT_CODES[0] ??
    '元';
  return [...groups.values()].map((g) => ({
    ...groupBase(facts, g.fund, g.category, KIND_CODES[g.kind] as EntryKind, unit),
    actual: g.actual,
    remaining: 0n,
    status: 'no-target' as const,
    rows: g.rows,
  }));
}
