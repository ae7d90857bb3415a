// The one place the chart calls the core: parse a ledger text and run the targets aggregation.
import type { FileBars } from './allocationPanelModel';

export interface SourceLabels {
  uncategorised: string;
  undated: string;
}

/** Aggregates one ledger text; an error string when the text is not a ledger the core can read. */
export function aggregateLedger(
  _text: string,
  _file: string,
  _asOf: string,
  _labels: SourceLabels,
): FileBars | { error: string } {
  return { error: 'targets aggregation not available yet' };
}
