import { scanCsv } from '../csv';
import { diffGrids, type LedgerDiff } from './diff';
import { fundDeltas, type FundDelta } from './funds';
import { gridFromTable } from './grid';
import { resolveHeader } from '../ledger/schema';
import { analyzeLedger } from '../ledger/validate';

export interface Comparison {
  readonly oldName: string;
  readonly newName: string;
  readonly diff: LedgerDiff;
  readonly funds: readonly FundDelta[];
}

/** Diffs two decoded ledgers and works out how each fund's totals and target status moved. */
export function compareTexts(
  oldName: string,
  oldText: string,
  newName: string,
  newText: string,
): Comparison {
  const diff = diffGrids(gridFromTable(scanCsv(oldText)), gridFromTable(scanCsv(newText)));
  const funds = !mayMoveMoney(diff)
    ? []
    : fundDeltas(
        oldText === '' ? [] : analyzeLedger(oldName, oldText).targets,
        newText === '' ? [] : analyzeLedger(newName, newText).targets,
      );
  return { oldName, newName, diff, funds };
}

/** Columns whose values decide what a row counts for and how much. */
const MONEY_ROLES = new Set([
  'id',
  'fund',
  'category',
  'kind',
  'amount',
  'max',
  'unit',
  'date',
  'period',
]);

/**
 * Whether the change can move a total or a target status. The aggregation reads the whole ledger
 * (about a second per 100k rows), so a diff that only touched notes or descriptions skips it. Any
 * added, removed or moved row, any column change and any formula on either side counts as money.
 */
function mayMoveMoney(d: LedgerDiff): boolean {
  if (d.columns.length > 0) return true;
  return d.rows.some(
    (r) =>
      r.kind !== 'changed' ||
      r.cells.some(
        (c) =>
          c.old.startsWith('=') ||
          c.new.startsWith('=') ||
          MONEY_ROLES.has(resolveHeader(c.column).role),
      ),
  );
}
