import { scanCsv } from '../csv';
import { diffGrids, type LedgerDiff } from './diff';
import { fundDeltas, type FundDelta } from './funds';
import { gridFromTable } from './grid';
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
  const funds = sameContent(diff)
    ? []
    : fundDeltas(
        oldText === '' ? [] : analyzeLedger(oldName, oldText).targets,
        newText === '' ? [] : analyzeLedger(newName, newText).targets,
      );
  return { oldName, newName, diff, funds };
}

function sameContent(d: LedgerDiff): boolean {
  return d.rows.length === 0 && d.columns.length === 0;
}
