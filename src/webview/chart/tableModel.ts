// The accessible table beside the chart and the CSV export are the same rows: one function builds
// both, so what a screen reader hears and what the CSV holds are what the chart shows.
import type { Unit } from '../../core/money/units';
import type { ChartDrill, ChartModel, ChartScopeKind } from '../../shared/protocol';
import { partsFor } from './barLayout';
import { measureText, money, shareText, statusText, targetText, type Translate } from './format';
import type { Hit } from './marks';
import { projectionText, paceVerdict } from './paceLayout';

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
  unit: Unit;
  drill: ChartDrill;
  scope: ChartScopeKind;
  /** Thousands separators: on for the screen, off for CSV so spreadsheets read numbers. */
  grouping: boolean;
}

export function buildTable(model: ChartModel, o: TableOptions, t: Translate): TableModel {
  const withFile = o.scope === 'workspace';
  const headers = [
    ...(withFile ? [t('Ledger')] : []),
    t('Fund'),
    t('Category'),
    t('Breakdown'),
    t('Measure'),
    t('Period'),
    `${t('Target')} (${o.unit})`,
    `${t('Actual')} (${o.unit})`,
    t('Share of target'),
    `${t('Remaining')} (${o.unit})`,
    t('Status'),
    t('Pace'),
  ];
  const first = withFile ? 1 : 0;
  const numeric = [first + 5, first + 6, first + 7, first + 8];
  const rows: TableRow[] = [];
  for (const bar of model.bars) {
    const pace = bar.pace ? `${paceVerdict(bar.pace, t).text}; ${projectionText(bar.pace, t)}` : '';
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
        targetText(bar, o.unit, o.grouping) ?? '',
        money(bar.actual, o.unit, o.grouping),
        shareText(bar.share),
        bar.targetMin === null ? '' : money(bar.remaining, o.unit, o.grouping),
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
          targetText(p, o.unit, o.grouping) ?? '',
          money(p.actual, o.unit, o.grouping),
          '',
          '',
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
