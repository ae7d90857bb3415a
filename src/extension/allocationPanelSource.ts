// The one place the chart calls the core: analyzeLedger, the same read → formulas → computeTargets
// path `fund-ledger report` takes (as-of: the file's 截至 row, else today), or the IncrementalLedger
// that keeps that result current across edits (property-tested equal to it), so the chart can never
// differ from the report by a fen. No vscode here: the analysis worker runs this too.
import type { LedgerState } from '../core/ledger/incremental';
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

/** Aggregates one ledger text from scratch; an error string when it is not a ledger the core can read. */
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
  return chartFromState({ facts, targets: result.targets, asOf: result.asOf }, file, labels);
}

/** The chart's bars for an analysed ledger (a full or an incremental one). */
export function chartFromState(
  state: LedgerState,
  file: string,
  labels: SourceLabels,
): Aggregated | { error: string } {
  if (state.fatal) return { error: state.fatal };
  const { facts } = state;
  const s = facts.store;
  // A ledger has a few hundred distinct dates and up to a million rows: make each date text once.
  const dates = new Map<number, string>();
  const rowFacts: RowFacts = {
    fen: (row) => s.amount[row] ?? 0n,
    date: (row) => {
      const day = s.day[row] ?? -1;
      if (day < 0) return undefined;
      let date = dates.get(day);
      if (date === undefined) dates.set(day, (date = dateFromDayNumber(day)));
      return date;
    },
    category: (row) => facts.categories.get(s.category[row] ?? 0),
  };
  return { ...toChartBars(file, state.targets, rowFacts, labels), asOf: state.asOf };
}
