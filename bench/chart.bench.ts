// The allocation chart: time to first chart and to the update after one edit, on generated ledgers
// of 100k and 1M rows, three ways in the same run:
//   baseline     the full analyzeLedger on every update (what the chart did before), on this thread
//   incremental  the analyses the worker runs (allocationPanelAnalyses.ts): the whole text once,
//                then the document's change event, applied row by row
//   worker       the same in a real worker thread, as the extension runs it: wall time until the
//                answer arrives, and the longest stretch the calling thread was blocked meanwhile
//                (event-loop delay), which is what the extension host feels
// Each update also counts the webview's share before the DOM (message parse, layout, table).
//
//   node out/bench/chart.bench.js [rows…]      (default 100000 1000000)
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { scanCsv } from '../src/core/csv/scan';
import { applyEdit, editCell, type TextEdit } from '../src/core/csv/edit';
import {
  LedgerAnalyses,
  type AnalysisReply,
  type AnalysisRequest,
  type ComputedChart,
} from '../src/extension/allocationPanelAnalyses';
import { aggregateLedger } from '../src/extension/allocationPanelSource';
import type { ChartModel } from '../src/shared/protocol';
import { layoutChart } from '../src/webview/chart/chartLayout';
import { translator } from '../src/webview/chart/format';
import { buildTable } from '../src/webview/chart/tableModel';
import { generateLedger } from './ledger-generator';

const labels = { uncategorised: '(no category)', undated: '(no date)' };
const t = translator({});
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

interface Cost {
  wall: number;
  cpu: number;
}

function timed<T>(f: () => T): { value: T; cost: Cost } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, cost: { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 } };
}

/** The webview's part: the model as it arrives (JSON stands in for structured clone), layout, table. */
function webviewPart(result: ComputedChart): { cost: Cost; kb: number; marks: number } {
  if ('error' in result) throw new Error(result.error);
  const model: ChartModel = { title: 'bench', asOf: result.asOf, bars: result.bars, skipped: [] };
  let kb = 0;
  let marks = 0;
  const { cost } = timed(() => {
    const wire = JSON.stringify({ type: 'chartModel', scope: 'file', uri: null, model });
    kb = wire.length / 1024;
    const received = (JSON.parse(wire) as { model: ChartModel }).model;
    const view = { unit: 'asDeclared', drill: 'category', scope: 'file' } as const;
    marks = layoutChart({ ...view, model: received, width: 1200 }, t).marks.length;
    buildTable(received, { ...view, grouping: true }, t);
  });
  return { cost, kb, marks };
}

const ms = (n: number): string => `${n.toFixed(0).padStart(6)} ms`;
const line = (label: string, c: Cost, extra = ''): void =>
  console.log(`  ${label.padEnd(34)} ${ms(c.cpu)} cpu ${ms(c.wall)} wall${extra}`);
const med = (xs: Cost[]): Cost => ({
  wall: median(xs.map((x) => x.wall)),
  cpu: median(xs.map((x) => x.cpu)),
});

/** Edits of one amount each, as the grid makes them, at rows spread over the file. */
function edits(text: string, count: number): { changes: TextEdit[]; texts: string[] } {
  const changes: TextEdit[] = [];
  const texts: string[] = [];
  let current = text;
  const table = scanCsv(text);
  for (let i = 0; i < count; i++) {
    // Entry rows (not 小计): the generator writes a 小计 after every 50 entries.
    const row = 10 + Math.floor(((table.rowCount - 20) * i) / count / 51) * 51;
    const change = editCell(scanCsv(current), row, 6, `${1000 + i}.25`);
    changes.push(change);
    current = applyEdit(current, change);
    texts.push(current);
  }
  return { changes, texts };
}

/** Compiles the hot code on a small ledger first, so neither path pays the JIT in its first run. */
function warmUp(): void {
  const text = [...generateLedger(5_000)].join('');
  aggregateLedger(text, 'warm.ledger.csv', labels);
  const a = new LedgerAnalyses();
  a.handle({ type: 'open', doc: 'w', version: 'v0', file: 'warm.ledger.csv', text });
  a.handle({ type: 'compute', id: 1, doc: 'w', labels });
  edits(text, 3).changes.forEach((change, i) => {
    a.handle({ type: 'change', doc: 'w', version: `v${i + 1}`, changes: [change] });
    a.handle({ type: 'compute', id: 2 + i, doc: 'w', labels });
  });
}

async function run(rows: number): Promise<void> {
  const text = [...generateLedger(rows)].join('');
  const runs = rows >= 1_000_000 ? 3 : 5;
  const { changes, texts } = edits(text, runs);
  console.log(
    `\n${rows.toLocaleString('en')} rows, ${(text.length / 1e6).toFixed(1)} M characters; medians of ${runs} edits`,
  );

  // Baseline: a full aggregation per update.
  const base0 = timed(() => aggregateLedger(text, 'bench.ledger.csv', labels));
  line('baseline first chart', base0.cost);
  const baseUpdates = texts.map(
    (x) => timed(() => aggregateLedger(x, 'bench.ledger.csv', labels)).cost,
  );
  const baseUpdate = med(baseUpdates);
  line('baseline update after an edit', baseUpdate);

  // Incremental, on this thread (the same code the worker runs).
  const a = new LedgerAnalyses();
  let id = 0;
  const compute = (): Extract<AnalysisReply, { type: 'computed' }> => {
    const r = a.handle({ type: 'compute', id: ++id, doc: 'd', labels });
    if (r?.type !== 'computed') throw new Error(JSON.stringify(r));
    return r;
  };
  const first = timed(() => {
    a.handle({ type: 'open', doc: 'd', version: 'v0', file: 'bench.ledger.csv', text });
    return compute();
  });
  line(
    'incremental first chart',
    first.cost,
    `  (${(first.cost.cpu / base0.cost.cpu).toFixed(2)}× baseline)`,
  );
  const incUpdates: Cost[] = [];
  let last = first.value;
  changes.forEach((change, i) => {
    const r = timed(() => {
      a.handle({ type: 'change', doc: 'd', version: `v${i + 1}`, changes: [change] });
      return compute();
    });
    if (r.value.mode !== 'row') throw new Error(`edit ${i} took the ${r.value.mode} path`);
    incUpdates.push(r.cost);
    last = r.value;
  });
  const incUpdate = med(incUpdates);
  line(
    'incremental update after an edit',
    incUpdate,
    `  (${(incUpdate.cpu / baseUpdate.cpu).toFixed(3)}× baseline cpu)`,
  );
  const check = aggregateLedger(texts[texts.length - 1] as string, 'bench.ledger.csv', labels);
  if (
    'error' in check ||
    JSON.stringify(check.bars) !== JSON.stringify((last.result as { bars: unknown }).bars)
  )
    throw new Error('incremental chart differs from the full aggregation');
  const web = webviewPart(last.result);
  line(
    'webview: message, layout, table',
    web.cost,
    `  (${web.kb.toFixed(0)} KB, ${web.marks} marks)`,
  );

  await viaWorker(text, changes, runs);
}

/** The same through a real worker thread: wall time to the answer, and the caller's longest block. */
async function viaWorker(text: string, changes: TextEdit[], runs: number): Promise<void> {
  const worker = new Worker(__filename);
  const replies: ((r: AnalysisReply) => void)[] = [];
  worker.on('message', (r: AnalysisReply) => replies.shift()?.(r));
  const ask = (req: AnalysisRequest): Promise<AnalysisReply> =>
    new Promise((resolve) => {
      replies.push(resolve);
      worker.postMessage(req);
    });
  const blocked = monitorEventLoopDelay({ resolution: 1 });
  const measure = async (
    send: () => void,
  ): Promise<{ wall: number; block: number; cpu: number }> => {
    blocked.reset();
    blocked.enable();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    send();
    // A timer keeps the loop turning, so the monitor sees every stretch the thread was busy.
    const tick = setInterval(() => undefined, 1);
    await ask({ type: 'compute', id: 0, doc: 'd', labels });
    clearInterval(tick);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    blocked.disable();
    // Process CPU: both threads, so the worker's work plus the caller's share of the messages.
    return { wall, block: blocked.max / 1e6, cpu: (c.user + c.system) / 1000 };
  };
  // The worker is a fresh isolate: warm its JIT on a small ledger too.
  const small = [...generateLedger(5_000)].join('');
  worker.postMessage({ type: 'open', doc: 'w', version: 'v0', file: 'w.ledger.csv', text: small });
  await ask({ type: 'compute', id: 0, doc: 'w', labels });
  for (const [i, change] of edits(small, 3).changes.entries()) {
    worker.postMessage({ type: 'change', doc: 'w', version: `v${i + 1}`, changes: [change] });
    await ask({ type: 'compute', id: 0, doc: 'w', labels });
  }
  const first = await measure(() =>
    worker.postMessage({ type: 'open', doc: 'd', version: 'v0', file: 'bench.ledger.csv', text }),
  );
  const updates: { wall: number; block: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const change = changes[i] as TextEdit;
    updates.push(
      await measure(() =>
        worker.postMessage({ type: 'change', doc: 'd', version: `w${i}`, changes: [change] }),
      ),
    );
  }
  await worker.terminate();
  const show = (label: string, m: { wall: number; block: number; cpu: number }): void =>
    line(label, m, `  (extension thread blocked at most ${m.block.toFixed(0)} ms)`);
  show('worker first chart', first);
  show('worker update after an edit', {
    wall: median(updates.map((u) => u.wall)),
    block: median(updates.map((u) => u.block)),
    cpu: median(updates.map((u) => u.cpu)),
  });
}

if (isMainThread) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  void (async () => {
    warmUp();
    for (const rows of sizes.length > 0 ? sizes : [100_000, 1_000_000]) await run(rows);
  })();
} else {
  // This file is also the bench's worker: the extension's worker entry does exactly this.
  const analyses = new LedgerAnalyses();
  parentPort?.on('message', (req: AnalysisRequest) => {
    const reply = analyses.handle(req);
    if (reply) parentPort?.postMessage(reply);
  });
}
