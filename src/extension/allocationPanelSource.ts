// The one place the chart calls the core: analyzeLedger, the same read → formulas → computeTargets
// path `fund-ledger report` takes (as-of: the file's 截至 row, else today), so the chart can never
// differ from the report by a fen.
import { dateFromDayNumber } from '../core/ledger/period';
import { analyzeLedger } from '../core/ledger/validate';
import { toChartBars, type FileBars, type RowFacts } from './allocationPanelModel';

export interface SourceLabels {
  uncategorised: string;
  undated: string;
}

export interface Aggregated extends FileBars {
  asOf: string;
}

/** Aggregates one ledger text; an error string when the text is not a ledger the core can read. */
export function aggregateLedger(
  text: string,
  file: string,
  labels: SourceLabels,
  asOf?: string,
): Aggregated | { error: string } {
  const result = analyzeLedger(file, text, { pace: true, ...(asOf ? { asOf } : {}) });
  const { facts } = result;
  const fatal = result.diagnostics.find((d) => d.code.startsWith('FL-CSV-UNCLOSED'));
  if (fatal) return { error: `${fatal.code} (${fatal.line}:${fatal.column})` };
  if (facts.schema.missing.length > 0)
    return { error: `missing ${facts.schema.missing.join(', ')}` };
  const s = facts.store;
  const rowFacts: RowFacts = {
    fen: (row) => s.amount[row] ?? 0n,
    date: (row) => {
      const day = s.day[row] ?? -1;
      return day >= 0 ? dateFromDayNumber(day) : undefined;
    },
    category: (row) => facts.categories.get(s.category[row] ?? 0),
  };
  return { ...toChartBars(file, result.targets, rowFacts, labels), asOf: result.asOf };
}
