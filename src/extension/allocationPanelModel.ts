// Turns the core's TargetProgress list into the serialisable ChartModel, and remembers which ledger
// rows each bar and drill-down part stands for (the webview only sends keys back). No vscode here, so
// unit tests cover it. Amounts are never recomputed: actual, remaining, share, status and pace are the
// core's. Drill-down parts split the rows the core counted, using the core's per-row amounts, and the
// parts are checked to add up to the core's actual to the fen (otherwise the breakdown is withheld).
import type { TargetProgress } from '../core/ledger/targets';
import type { Fen } from '../core/money/units';
import type { ChartBar, ChartDrill, ChartPart, ChartStatus } from '../shared/protocol';

/** The core's per-row facts a breakdown needs, for rows the aggregation counted. */
export interface RowFacts {
  /** Exact amount the aggregation counted for this row, in fen. */
  fen(row: number): Fen;
  /** ISO date, or undefined for an undated row. */
  date(row: number): string | undefined;
  category(row: number): string;
}

export type Drill = Exclude<ChartDrill, 'none'>;

/** Rows behind each bar and part, for `chartReveal`. */
export interface RowIndex {
  bar: readonly number[];
  parts: Record<Drill, Map<string, readonly number[]>>;
}

export interface FileBars {
  bars: ChartBar[];
  rows: Map<string, RowIndex>;
}

export function barKey(file: string, p: TargetProgress): string {
  return [
    file,
    p.fund,
    p.category ?? '',
    p.measure,
    p.target?.period?.text ?? '',
    p.target?.id ?? '',
  ].join('\u241F');
}

/** Year (`2024`) or quarter (`2024Q2`) of an ISO date; undated rows share one bucket. */
export function periodBucket(date: string | undefined, drill: 'year' | 'quarter'): string {
  if (date === undefined) return '';
  const year = date.slice(0, 4);
  if (drill === 'year') return year;
  return `${year}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Finds the core's own progress entry for a part (a category target, a yearly target), if any. */
function partTarget(
  all: readonly TargetProgress[],
  p: TargetProgress,
  drill: Drill,
  label: string,
): TargetProgress | undefined {
  return all.find((o) => {
    if (o === p || o.fund !== p.fund || o.measure !== p.measure || !o.target) return false;
    if (drill === 'category')
      return (
        p.category === undefined &&
        o.category === label &&
        o.target.period?.text === p.target?.period?.text
      );
    return (
      o.category === p.category &&
      o.target.period !== undefined &&
      periodBucket(o.target.period.start, drill) === label &&
      o.target.period.end <= endOf(label, drill)
    );
  });
}

function endOf(label: string, drill: 'year' | 'quarter'): string {
  if (drill === 'year') return `${label}-12-31`;
  const q = Number(label.slice(5));
  const month = String(q * 3).padStart(2, '0');
  return `${label.slice(0, 4)}-${month}-${q === 1 || q === 4 ? 31 : 30}`;
}

type Sums = Map<string, { fen: Fen; rows: number[] }>;

function add(sums: Sums, bucket: string, fen: Fen, row: number): void {
  const s = sums.get(bucket);
  if (s) {
    s.fen += fen;
    s.rows.push(row);
  } else sums.set(bucket, { fen, rows: [row] });
}

/**
 * All three drill-downs of a bar in one pass over its rows (a million-row fund is walked once, and
 * each date's year and quarter are worked out once, not per row).
 */
export function breakdowns(
  all: readonly TargetProgress[],
  p: TargetProgress,
  facts: RowFacts,
  labels: { uncategorised: string; undated: string },
): Record<Drill, { parts: ChartPart[]; rows: Map<string, readonly number[]> }> {
  const sums: Record<Drill, Sums> = { category: new Map(), year: new Map(), quarter: new Map() };
  const periods = new Map<string | undefined, [string, string]>();
  let total = 0n;
  for (const row of p.rows) {
    const fen = facts.fen(row);
    total += fen;
    const date = facts.date(row);
    let yq = periods.get(date);
    if (!yq) periods.set(date, (yq = [periodBucket(date, 'year'), periodBucket(date, 'quarter')]));
    add(sums.category, facts.category(row), fen, row);
    add(sums.year, yq[0], fen, row);
    add(sums.quarter, yq[1], fen, row);
  }
  const out = {} as Record<Drill, { parts: ChartPart[]; rows: Map<string, readonly number[]> }>;
  for (const drill of ['category', 'year', 'quarter'] as const) {
    const label = drill === 'category' ? labels.uncategorised : labels.undated;
    // A mismatch means the per-row view and the aggregation disagree: show no split rather than a wrong one.
    out[drill] =
      total === p.actual
        ? partsOf(all, p, drill, sums[drill], label)
        : { parts: [], rows: new Map() };
  }
  return out;
}

function partsOf(
  all: readonly TargetProgress[],
  p: TargetProgress,
  drill: Drill,
  sums: Sums,
  emptyLabel: string,
): { parts: ChartPart[]; rows: Map<string, readonly number[]> } {
  const rows = new Map<string, readonly number[]>();
  const parts: ChartPart[] = [];
  // Categories in ledger order (as the bureau lists them); years and quarters in time order.
  const labels = [...sums.keys()];
  if (drill !== 'category') labels.sort(comparePartLabels);
  else labels.sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
  for (const label of labels) {
    const s = sums.get(label);
    if (!s) continue;
    const own = partTarget(all, p, drill, label);
    rows.set(label, s.rows);
    parts.push({
      key: label,
      label: label === '' ? emptyLabel : label,
      actual: s.fen.toString(),
      targetMin: own?.target ? own.target.min.toString() : null,
      targetMax: own?.target ? own.target.max.toString() : null,
      status: own && own.actual === s.fen ? own.status : ('no-target' as ChartStatus),
      rowCount: s.rows.length,
    });
  }
  return { parts, rows };
}

/** Empty (uncategorised / undated) last, the rest in code-point order so years and quarters sort by time. */
function comparePartLabels(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toChartBars(
  file: string,
  progress: readonly TargetProgress[],
  facts: RowFacts,
  labels: { uncategorised: string; undated: string },
): FileBars {
  const bars: ChartBar[] = [];
  const rows = new Map<string, RowIndex>();
  for (const p of progress) {
    const key = barKey(file, p);
    const index: RowIndex = {
      bar: p.rows,
      parts: { category: new Map(), year: new Map(), quarter: new Map() },
    };
    const all = breakdowns(progress, p, facts, labels);
    const bd = {} as Record<Drill, ChartPart[]>;
    for (const drill of ['category', 'year', 'quarter'] as const) {
      bd[drill] = all[drill].parts;
      index.parts[drill] = all[drill].rows;
    }
    rows.set(key, index);
    bars.push({
      key,
      file,
      fund: p.fund,
      category: p.category ?? null,
      measure: p.measure,
      period: p.target?.period ? { ...p.target.period } : null,
      targetMin: p.target ? p.target.min.toString() : null,
      targetMax: p.target ? p.target.max.toString() : null,
      actual: p.actual.toString(),
      remaining: p.remaining.toString(),
      share: p.share ?? null,
      status: p.status,
      rowCount: p.rows.length,
      unit: p.unit,
      pace:
        p.pace && p.target?.period
          ? {
              start: p.target.period.start,
              end: p.target.period.end,
              asOf: p.pace.asOf,
              expected: p.pace.expected.toString(),
              actualToDate: p.pace.actualToDate.toString(),
              behind: p.pace.behind,
              projectedCompletion: p.pace.projectedCompletion ?? null,
              reachedOn: p.pace.reachedOn ?? null,
              cumulative: p.pace.cumulative.map((c) => ({
                date: c.date,
                total: c.total.toString(),
              })),
            }
          : null,
      breakdown: bd,
    });
  }
  return { bars, rows };
}
