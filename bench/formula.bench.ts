// Formula engine benchmark: a 100k-row ledger with 1,000 formulas and totals.
// Reports the full recalculation and the recalculation after one amount edit (p50/p90/max).
// Run: node esbuild.mjs --only=bench && node out/bench/formula.bench.js [rows] [edits]
import { loadavg } from 'node:os';
import { ArraySheet, FormulaEngine, type CellType } from '../src/core/formula';

const ROWS = Number(process.argv[2] ?? 100_000);
const EDITS = Number(process.argv[3] ?? 1_000);
const FUNDS = ['质量提升', '对口帮扶', '教师培训', '学生资助', '基金会'];
const CATS = ['奖励', '测评', '建设', '助学'];

function makeSheet(): { sheet: ArraySheet; plainRows: number[]; totals: Set<number> } {
  const cells: string[][] = [['编号', '资金', '类别', '金额', '备注']];
  const plainRows: number[] = [];
  const formulaEvery = Math.max(2, Math.floor(ROWS / 1000));
  for (let r = 1; r <= ROWS; r++) {
    const id = `QF-${String(r).padStart(6, '0')}`;
    let amount: string;
    if (r % formulaEvery === 0)
      amount =
        r % (2 * formulaEvery) === 0
          ? `=D${r}*2.5%`
          : `={QF-${String(r - 1).padStart(6, '0')}}*1.1`;
    else {
      amount = `${(r * 37) % 100000}.${String(r % 100).padStart(2, '0')}`;
      plainRows.push(r);
    }
    cells.push([
      id,
      FUNDS[r % FUNDS.length] as string,
      CATS[r % CATS.length] as string,
      amount,
      '',
    ]);
  }
  const totals = new Set<number>();
  const addTotal = (formula: string): void => {
    totals.add(cells.length);
    cells.push([`T-${cells.length}`, '', '合计', formula, '']);
  };
  addTotal('=SUM(D:D)');
  for (const f of FUNDS) addTotal(`=SUMIF(B:B,"${f}",D:D)`);
  addTotal(`=SUMIFS(D:D,B:B,"${FUNDS[0]}",C:C,"${CATS[0]}")`);
  addTotal(`=ROUND(AVERAGE(D2:D${ROWS + 1}),2)`);
  const types: CellType[] = ['text', 'text', 'text', '元', 'text'];
  return { sheet: new ArraySheet(cells, types, 0, totals, { 金额: 3 }), plainRows, totals };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

const { sheet, plainRows, totals } = makeSheet();
let t = performance.now();
const engine = new FormulaEngine(sheet);
const full = performance.now() - t;
console.log(`rows ${ROWS}, formulas ${engine.formulaCells().length} (totals ${totals.size})`);
console.log(`full recalculation (build + evaluate): ${full.toFixed(1)} ms`);
t = performance.now();
engine.recalcAll();
console.log(`recalcAll again (warm): ${(performance.now() - t).toFixed(1)} ms`);

const times: number[] = [];
// CPU time alongside wall time: on a shared, loaded machine wall time includes waiting for a core.
const cpuTimes: number[] = [];
let changedTotal = 0;
let seed = 12345;
for (let i = 0; i < EDITS; i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  const row = plainRows[seed % plainRows.length] as number;
  const raw = `${seed % 100000}.${String(seed % 97).padStart(2, '0')}`;
  sheet.set(row, 3, raw);
  const s = performance.now();
  const cpu = process.cpuUsage();
  changedTotal += engine.setCell(row, 3, raw).length;
  times.push(performance.now() - s);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
console.log(
  `one-cell edit recalculation over ${EDITS} edits: p50 ${percentile(times, 0.5).toFixed(2)} ms, p90 ${percentile(times, 0.9).toFixed(2)} ms, max ${(times[times.length - 1] ?? 0).toFixed(2)} ms, ${(changedTotal / EDITS).toFixed(1)} cells changed per edit`,
);
console.log(
  `  CPU time per edit: p50 ${percentile(cpuTimes, 0.5).toFixed(2)} ms, p90 ${percentile(cpuTimes, 0.9).toFixed(2)} ms (load average ${loadavg()[0]?.toFixed(1)})`,
);
const check = new FormulaEngine(sheet);
const same = [...totals].every((r) => {
  const a = engine.value(r, 3);
  const b = check.value(r, 3);
  return a.kind === b.kind && (a.kind !== 'number' || (b.kind === 'number' && a.value === b.value));
});
const grand = engine.value([...totals][0] as number, 3);
console.log(
  `grand total ${grand.kind === 'number' ? grand.value : grand.kind}; incremental totals ${same ? 'equal' : 'DIFFER from'} a fresh full recalculation`,
);
console.log(`heap used ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
