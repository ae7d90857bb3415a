// The accessible table beside the chart and the CSV export are the same rows: one function builds
// both, so what a screen reader hears and what the CSV holds are what the chart shows.
import type {
  ChartDrill,
  ChartModel,
  ChartScopeKind,
  ChartUnitChoice,
} from '../../shared/protocol';
import { partsFor } from './barLayout';
import {
  measureText,
  money,
  shareText,
  statusText,
  targetText,
  unitFor,
  type Translate,
} from './format';
import type { Hit } from './marks';
import { paceVerdict, projectionText } from './paceText';

export interface TableRow {
  cells: string[];
  /** 0: a target row; 1: a drill-down part under it. */
  level: 0 | 1;
  hit: Hit;
  status: string;
  /** Ledger rows counted in this row's actual (what the reveal button selects). */
  rowCount: number;
}

export interface TableModel {
  headers: string[];
  /** Indexes of the money columns, right-aligned in the view. */
  numeric: number[];
  /** Index of the Fund column, the row header for screen readers. */
  fundColumn: number;
  rows: TableRow[];
}

export interface TableOptions {
  unit: ChartUnitChoice;
  drill: ChartDrill;
  scope: ChartScopeKind;
  /** Thousands separators: on for the screen, off for CSV so spreadsheets read numbers. */
  grouping: boolean;
}

export function buildTable(model: ChartModel, o: TableOptions, t: Translate): TableModel {
  const withFile = o.scope === 'workspace';
  const declared = o.unit === 'asDeclared';
  // One unit: it goes in the money headers. Units as declared: a Unit column, as in `fund-ledger report`.
  const inUnit = (label: string): string => (declared ? label : `${label} (${o.unit})`);
  const headers = [
    ...(withFile ? [t('Ledger')] : []),
    t('Fund'),
    t('Category'),
    t('Breakdown'),
    t('Measure'),
    t('Period'),
    inUnit(t('Target')),
    inUnit(t('Actual')),
    t('Share of target'),
    inUnit(t('Remaining')),
    ...(declared ? [t('Unit')] : []),
    t('Status'),
    t('Pace'),
  ];
  const first = withFile ? 1 : 0;
  const numeric = [first + 5, first + 6, first + 7, first + 8];
  const rows: TableRow[] = [];
  for (const bar of model.bars) {
    const unit = unitFor(bar, o.unit);
    const unitCell = declared ? [unit] : [];
    const pace = !bar.pace
      ? ''
      : bar.pace.reachedOn !== null
        ? `✓ ${projectionText(bar.pace, t)}`
        : `${paceVerdict(bar.pace, t).text}; ${projectionText(bar.pace, t)}`;
    rows.push({
      level: 0,
      hit: { bar: bar.key, part: null },
      status: bar.status,
      rowCount: bar.rowCount,
      cells: [
        ...(withFile ? [bar.file] : []),
        bar.fund,
        bar.category ?? '',
        '',
        measureText(bar.measure, t),
        bar.period?.text ?? '',
        targetText(bar, unit, o.grouping) ?? '',
        money(bar.actual, unit, o.grouping),
        shareText(bar.share),
        bar.targetMin === null ? '' : money(bar.remaining, unit, o.grouping),
        ...unitCell,
        statusText(bar.status, t),
        pace,
      ],
    });
    for (const p of partsFor(bar, o.drill)) {
      rows.push({
        level: 1,
        hit: { bar: bar.key, part: p.key },
        status: p.status,
        rowCount: p.rowCount,
        cells: [
          ...(withFile ? [bar.file] : []),
          bar.fund,
          bar.category ?? '',
          p.label,
          measureText(bar.measure, t),
          bar.period?.text ?? '',
          targetText(p, unit, o.grouping) ?? '',
          money(p.actual, unit, o.grouping),
          '',
          '',
          ...unitCell,
          p.targetMin === null ? '' : statusText(p.status, t),
          '',
        ],
      });
    }
  }
  return { headers, numeric, fundColumn: first, rows };
}

/** The table as string cells, header first, for the core's CSV writer. */
export function tableCells(table: TableModel): string[][] {
  return [table.headers, ...table.rows.map((r) => r.cells)];
}
