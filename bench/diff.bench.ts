// Diff and merge benchmark: two 100k-row ledgers (10 columns) differing in 1% of their cells,
// against `git diff --no-index` of the same files, measured in the same run.
//
//   node out/bench/diff.bench.js [rows]          standalone (default 100000)
//   import { runDiffBench } from './diff.bench'  from the `npm run bench` driver
//
// Times are medians of REPEATS runs in this process (after one warm-up), wall clock and CPU.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanCsv } from '../src/core/csv/scan';
import { diffGrids } from '../src/core/diff/diff';
import { compareTexts } from '../src/core/diff/compare';
import { gridFromTable } from '../src/core/diff/grid';
import { mergeLedgers } from '../src/core/merge/merge';

const REPEATS = 5;
const HEADER = '编号,日期,资金,类别,类型,摘要,金额,上限,期间,备注';
const FUNDS = ['教育质量提升资金', '结对帮扶资金', '教育基金会筹款', '教师培训经费'];
const CATS = ['教学成果奖励', '名师工作室', '学校建设', '学生资助'];

/** Deterministic PRNG (mulberry32) so every run changes the same cells. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function baseRows(n: number): string[][] {
  const rows: string[][] = [];
  FUNDS.forEach((f, i) =>
    rows.push([`T${i}`, '', f, '', '目标', '年度目标', '50000000.00', '', '2024', '']),
  );
  for (let i = 1; rows.length <= n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const desc = i % 7 === 0 ? `县一中 "名师" 设备,第${i % 9}批` : `第${i % 97}号拨付凭证`;
    const amount = `${(i * 7919) % 100000}.${String(i % 100).padStart(2, '0')}`;
    rows.push([
      `R${i}`,
      `2024-03-${day}`,
      FUNDS[i % 4] as string,
      CATS[i % 4] as string,
      '拨付',
      desc,
      amount,
      '',
      '2024',
      '',
    ]);
  }
  return rows;
}

/** Changes `share` of all data cells (never the id), each to a new, different value. */
function mutate(rows: readonly string[][], share: number, seed: number): string[][] {
  const out = rows.map((r) => r.slice());
  const random = rng(seed);
  const cells = (out.length - 1) * HEADER.split(',').length;
  const target = Math.round(cells * share);
  const seen = new Set<number>();
  while (seen.size < target) {
    const r = 1 + Math.floor(random() * (out.length - 1));
    const c = 1 + Math.floor(random() * 9);
    const key = r * 16 + c;
    if (seen.has(key)) continue;
    seen.add(key);
    const row = out[r] as string[];
    row[c] = c === 6 ? `${Math.floor(random() * 1e6)}.${seed % 100}` : `${row[c] ?? ''}~${seed}`;
  }
  return out;
}

function toCsv(rows: readonly string[][]): string {
  const q = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [HEADER, ...rows.map((r) => r.map(q).join(','))].join('\n') + '\n';
}

interface Timing {
  ms: number;
  cpuMs: number;
}

/** CPU ms of this process plus its waited-for children (Linux /proc; children count 0 elsewhere). */
function cpuNow(): number {
  const u = process.cpuUsage();
  let children = 0;
  try {
    // Fields after the ")" of the command name: cutime and cstime are the 14th and 15th, in ticks.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    children = 0;
  }
  return (u.user + u.system) / 1000 + children;
}

function time(fn: () => unknown): Timing {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < REPEATS; k++) {
    const c = cpuNow();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    cpu.push(cpuNow() - c);
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1] as number;
  return { ms: median(wall), cpuMs: median(cpu) };
}

export interface DiffBenchResult {
  rows: number;
  bytes: number;
  changedCells: number;
  diff: Timing & { reportedCells: number };
  diffWithFunds: Timing;
  merge: Timing & { conflicts: number };
  gitDiffNoIndex: Timing;
}

export function runDiffBench(n = 100_000): DiffBenchResult {
  const base = baseRows(n);
  const oldText = toCsv(base.slice(1));
  const oursRows = mutate(base, 0.01, 7);
  const newText = toCsv(oursRows.slice(1));
  const theirsText = toCsv(mutate(base, 0.01, 11).slice(1));
  const dir = mkdtempSync(join(tmpdir(), 'fl-diff-bench-'));
  try {
    const a = join(dir, 'old.ledger.csv');
    const b = join(dir, 'new.ledger.csv');
    writeFileSync(a, oldText);
    writeFileSync(b, newText);
    let reportedCells = 0;
    const diff = time(() => {
      const d = diffGrids(gridFromTable(scanCsv(oldText)), gridFromTable(scanCsv(newText)));
      reportedCells = d.stats.cellsChanged;
    });
    const diffWithFunds = time(() => compareTexts('old', oldText, 'new', newText));
    let conflicts = 0;
    const merge = time(() => {
      conflicts = mergeLedgers(oldText, newText, theirsText).conflicts.length;
    });
    const gitDiffNoIndex = time(() => {
      const r = spawnSync('git', ['diff', '--no-index', '--no-color', a, b], {
        maxBuffer: 1 << 30,
      });
      if (r.status !== 1) throw new Error(`git diff --no-index exited ${r.status}`);
    });
    return {
      rows: n,
      bytes: Buffer.byteLength(oldText),
      changedCells: Math.round((base.length - 1) * 10 * 0.01),
      diff: { ...diff, reportedCells },
      diffWithFunds,
      merge: { ...merge, conflicts },
      gitDiffNoIndex,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(r: DiffBenchResult): void {
  const f = (t: Timing): string =>
    `${t.ms.toFixed(0).padStart(6)} ms  (cpu ${t.cpuMs.toFixed(0)} ms)`;
  console.log(
    `diff/merge bench: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.changedCells} cells changed per side (1%)`,
  );
  console.log(
    `  ledger diff (scan both + cell diff)      ${f(r.diff)}  ${r.diff.reportedCells} cells reported`,
  );
  console.log(`  ledger diff + fund totals/targets        ${f(r.diffWithFunds)}`);
  console.log(
    `  three-way merge (1% ours, 1% theirs)     ${f(r.merge)}  ${r.merge.conflicts} conflicts`,
  );
  console.log(`  git diff --no-index (same two files)     ${f(r.gitDiffNoIndex)}`);
  console.log(`  aims: diff < 1000 ms, merge < 2000 ms`);
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 100_000);
  const r = runDiffBench(n);
  print(r);
  if (process.env['BENCH_JSON']) console.log(JSON.stringify(r));
}
