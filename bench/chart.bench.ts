// The allocation chart: time to first chart and to the update after one edit, on generated ledgers
// of 100k and 1M rows. Measures what the extension host does (analyzeLedger → chart model, the JSON
// that crosses to the webview) and what the webview does before touching the DOM (parse, layout of
// every mark, the table rows). The DOM patch itself is measured by the browser tests' screenshots
// only, not timed here (no browser in a node bench).
//
//   node out/bench/chart.bench.js [rows…]      (default 100000 1000000)
import { scanCsv } from '../src/core/csv/scan';
import { applyEdit, editCell } from '../src/core/csv/edit';
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

interface Stages {
  /** CPU milliseconds of the whole pass (wall time is noisy on a shared 2-core machine). */
  cpu: number;
  aggregate: number;
  json: number;
  layout: number;
  total: number;
  jsonBytes: number;
  marks: number;
}

/** One full pass: the extension's aggregation and message, then the webview's layout and table. */
function chartOnce(text: string): Stages {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = aggregateLedger(text, 'bench.ledger.csv', labels);
  if ('error' in result) throw new Error(result.error);
  const model: ChartModel = { title: 'bench', asOf: result.asOf, bars: result.bars, skipped: [] };
  const t1 = performance.now();
  // postMessage structured-clones the model; JSON round trip is a fair stand-in for its cost.
  const wire = JSON.stringify({ type: 'chartModel', scope: 'file', uri: null, model });
  const received = (JSON.parse(wire) as { model: ChartModel }).model;
  const t2 = performance.now();
  const layout = layoutChart(
    { model: received, unit: 'asDeclared', drill: 'category', scope: 'file', width: 1200 },
    t,
  );
  buildTable(received, { unit: 'asDeclared', drill: 'category', scope: 'file', grouping: true }, t);
  const t3 = performance.now();
  return {
    cpu: process.cpuUsage(c0).user / 1000,
    aggregate: t1 - t0,
    json: t2 - t1,
    layout: t3 - t2,
    total: t3 - t0,
    jsonBytes: wire.length,
    marks: layout.marks.length,
  };
}

function ms(n: number): string {
  return `${n.toFixed(0).padStart(6)} ms`;
}

function report(label: string, s: Stages): void {
  console.log(
    `  ${label.padEnd(22)} ${ms(s.total)} wall, ${ms(s.cpu)} cpu  (aggregate ${ms(s.aggregate)}, message ${ms(s.json)}, layout+table ${ms(s.layout)}; ${(s.jsonBytes / 1024).toFixed(0)} KB, ${s.marks} marks)`,
  );
}

function run(rows: number): void {
  const text = [...generateLedger(rows)].join('');
  console.log(
    `\n${rows.toLocaleString('en')} rows, ${(text.length / 1e6).toFixed(1)} M characters`,
  );
  report('first chart', chartOnce(text));
  // An edit of one amount, as the grid makes it; the feed then re-aggregates the document's text.
  let current = text;
  const runs: Stages[] = [];
  for (let i = 0; i < 5; i++) {
    const row = 10 + i * 7;
    current = applyEdit(current, editCell(scanCsv(current), row, 6, `${1000 + i}.25`));
    runs.push(chartOnce(current));
  }
  const pick = (k: keyof Stages): number => median(runs.map((r) => r[k]));
  report('update after an edit', {
    cpu: pick('cpu'),
    aggregate: pick('aggregate'),
    json: pick('json'),
    layout: pick('layout'),
    total: pick('total'),
    jsonBytes: pick('jsonBytes'),
    marks: pick('marks'),
  });
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const rows of sizes.length > 0 ? sizes : [100_000, 1_000_000]) run(rows);
