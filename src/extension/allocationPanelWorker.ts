// Entry of dist/analysisWorker.js: the chart's ledger analyses on a worker thread, so reading a
// million-row ledger (seconds) never blocks the extension host. Messages: allocationPanelAnalyses.ts.
import { parentPort } from 'node:worker_threads';
import { LedgerAnalyses, type AnalysisRequest } from './allocationPanelAnalyses';

const analyses = new LedgerAnalyses();
parentPort?.on('message', (req: AnalysisRequest) => {
  const reply = analyses.handle(req);
  if (reply) parentPort?.postMessage(reply);
});
