// Builders for chart models in tests: a bar with sensible defaults, overridden per test.
import type { ChartBar, ChartModel, ChartPart } from '../../../src/shared/protocol';
import { translator } from '../../../src/webview/chart/format';

export function bar(over: Partial<ChartBar> = {}): ChartBar {
  return {
    key: 'a.ledger.csv|对口帮扶援助资金||allocated|',
    file: 'a.ledger.csv',
    fund: '对口帮扶援助资金',
    category: null,
    measure: 'allocated',
    period: null,
    targetMin: '432000000',
    targetMax: '432000000',
    actual: '367200000',
    remaining: '64800000',
    share: 0.85,
    status: 'under',
    rowCount: 3,
    unit: '万元',
    pace: null,
    breakdown: { category: [], year: [], quarter: [] },
    ...over,
  };
}

export function part(key: string, actual: string, over: Partial<ChartPart> = {}): ChartPart {
  return {
    key,
    label: key,
    actual,
    targetMin: null,
    targetMax: null,
    status: 'no-target',
    rowCount: 1,
    ...over,
  };
}

export function model(bars: ChartBar[]): ChartModel {
  return { title: 'sample.ledger.csv', asOf: '2024-06-30', bars, skipped: [] };
}

export const t = translator({});
