// The one place the chart calls the core: read a ledger text and run the targets aggregation, the
// same computeTargets that `fund-ledger report` prints, so the chart can never differ by a fen.
import { scanCsv } from '../core/csv/scan';
import { computeTargets } from '../core/ledger/aggregate';
import { LedgerBuilder } from '../core/ledger/builder';
import { evaluateFormulas } from '../core/ledger/formulas';
import { dateFromDayNumber } from '../core/ledger/period';
import { toChartBars, type FileBars, type RowFacts } from './allocationPanelModel';

export interface SourceLabels {
  uncategorised: string;
  undated: string;
}

/** Aggregates one ledger text; an error string when the text is not a ledger the core can read. */
export function aggregateLedger(
  text: string,
  file: string,
  asOf: string,
  labels: SourceLabels,
): FileBars | { error: string } {
  const table = scanCsv(text);
  const syntax = table.errors[0];
  if (syntax) return { error: `${syntax.code} (${syntax.row + 1}:${syntax.col + 1})` };
  const builder = new LedgerBuilder(file);
  builder.addTable(table, 0, 0);
  const facts = builder.facts;
  if (facts.schema.missing.length > 0)
    return { error: `missing ${facts.schema.missing.join(', ')}` };
  evaluateFormulas(facts, 'half-up', builder.diagnostics);
  const progress = computeTargets(facts, { asOf, pace: true });
  const s = facts.store;
  const rowFacts: RowFacts = {
    fen: (row) => s.amount[row] ?? 0n,
    date: (row) => {
      const day = s.day[row] ?? -1;
      return day >= 0 ? dateFromDayNumber(day) : undefined;
    },
    category: (row) => facts.categories.get(s.category[row] ?? 0),
  };
  return toChartBars(file, progress, rowFacts, labels);
}
