// The chart's analyses, one IncrementalLedger per ledger, driven by messages so the same code runs in
// the analysis worker (dist/analysisWorker.js) and, where no worker can start, on the extension
// host. Edits arrive as the document's own change events and are applied lazily, all at once, when
// the chart asks: a burst of keystrokes costs one aggregation. No vscode here.
import type { TextEdit } from '../core/csv/edit';
import { IncrementalLedger, type ChangeMode } from '../core/ledger/incremental';
import type { ChartBar, ChartDrill } from '../shared/protocol';
import type { FileBars } from './allocationPanelModel';
import { chartFromState, type SourceLabels } from './allocationPanelSource';

export type AnalysisRequest =
  /** The whole text of a ledger at `version` (first use, a reload, a version gap). */
  | { type: 'open'; doc: string; version: string; file: string; text: string }
  /** One change event of the document: replacements applied in order, reaching `version`. */
  | { type: 'change'; doc: string; version: string; changes: TextEdit[] }
  | { type: 'drop'; doc: string }
  | { type: 'compute'; id: number; doc: string; labels: SourceLabels }
  | { type: 'rows'; id: number; doc: string; key: string; part: string | null; drill: ChartDrill };

export type ComputedChart = { bars: ChartBar[]; asOf: string } | { error: string };

export type AnalysisReply =
  | {
      type: 'computed';
      id: number;
      version: string;
      result: ComputedChart;
      /** How the ledger got current: a full read, row patches, or nothing to do. */
      mode: ChangeMode | 'cached';
      ms: number;
    }
  | { type: 'rows'; id: number; rows: number[] | null }
  | { type: 'failed'; id: number; message: string };

interface Doc {
  version: string;
  file: string;
  /** The text until the first compute reads it (a ledger replaced before then is never analysed). */
  text: string | undefined;
  ledger: IncrementalLedger | undefined;
  pending: TextEdit[];
  chart: { version: string; labels: string; result: ComputedChart; bars?: FileBars } | undefined;
}

export class LedgerAnalyses {
  private readonly docs = new Map<string, Doc>();

  handle(req: AnalysisRequest): AnalysisReply | undefined {
    try {
      return this.dispatch(req);
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      if ('id' in req) return { type: 'failed', id: req.id, message };
      // A change that cannot be applied leaves the ledger unknown: the next compute must fail, not lie.
      this.docs.delete(req.doc);
      return undefined;
    }
  }

  private dispatch(req: AnalysisRequest): AnalysisReply | undefined {
    switch (req.type) {
      case 'open':
        this.docs.set(req.doc, {
          version: req.version,
          file: req.file,
          text: req.text,
          ledger: undefined,
          pending: [],
          chart: undefined,
        });
        return undefined;
      case 'change': {
        const doc = this.docs.get(req.doc);
        if (!doc) return undefined;
        doc.version = req.version;
        if (doc.ledger) doc.pending.push(...req.changes);
        else doc.text = req.changes.reduce(splice, doc.text ?? '');
        return undefined;
      }
      case 'drop':
        this.docs.delete(req.doc);
        return undefined;
      case 'compute':
        return this.compute(req.id, req.doc, req.labels);
      case 'rows': {
        const index = this.docs.get(req.doc)?.chart?.bars?.rows.get(req.key);
        const rows = !index
          ? null
          : req.part === null || req.drill === 'none'
            ? index.bar
            : index.parts[req.drill].get(req.part);
        return { type: 'rows', id: req.id, rows: rows ? [...rows] : null };
      }
    }
  }

  private compute(id: number, key: string, labels: SourceLabels): AnalysisReply {
    const doc = this.docs.get(key);
    if (!doc) return { type: 'failed', id, message: `no text for ${key}` };
    const start = performance.now();
    const labelKey = JSON.stringify(labels);
    let mode: ChangeMode | 'cached' = 'cached';
    if (!doc.ledger) {
      doc.ledger = new IncrementalLedger(doc.file, doc.text ?? '', { pace: true });
      doc.text = undefined;
      mode = 'full';
    } else if (doc.pending.length > 0) {
      mode = doc.ledger.applyMany(doc.pending.splice(0));
    }
    if (mode !== 'cached' || doc.chart?.version !== doc.version || doc.chart.labels !== labelKey) {
      const made = chartFromState(doc.ledger.current, doc.file, labels);
      doc.chart =
        'error' in made
          ? { version: doc.version, labels: labelKey, result: made }
          : {
              version: doc.version,
              labels: labelKey,
              result: { bars: made.bars, asOf: made.asOf },
              bars: made,
            };
    }
    const ms = performance.now() - start;
    return { type: 'computed', id, version: doc.version, result: doc.chart.result, mode, ms };
  }
}

function splice(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}
