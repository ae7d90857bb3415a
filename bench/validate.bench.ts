// `fund-ledger validate` end to end against the floor (read the file, count its newlines) and a
// papaparse-only parse, on generated ledgers of 10k, 100k and 1M rows; and the recalculation time
// after one cell edit in a 100k-row ledger with formulas and totals (LedgerSession.applyCellEdit).
// Every file measured validates clean, so the whole pipeline runs (formulas, totals, targets).
//
//   node out/bench/validate.bench.js [rows…]      (default 10000 100000 1000000)
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeUtf8, floorLines, papaparseRows } from './baselines';
import { LedgerSession } from '../src/core/ledger/session';
import { generateLedger, type GeneratorOptions } from './ledger-generator';

interface Measured {
  ms: number;
  cpuMs: number;
  peakRssMB: number;
}

/** Runs in a child: one measurement with its own peak RSS. */
function childCase(kind: string, path: string): number {
  const buf = readFileSync(path);
  return kind === 'floor' ? floorLines(buf) : papaparseRows(decodeUtf8(buf));
}

/** Timed from here, like the CLI, so every case pays the same process start-up. */
function measureChild(kind: string, path: string): Measured {
  const start = performance.now();
  const out = spawnSync(
    process.execPath,
    [join(__dirname, 'validate.bench.js'), '--child', kind, path],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`${kind} child failed: ${out.stderr}`);
  return { ...(JSON.parse(out.stdout) as Measured), ms };
}

/** The real CLI, with a preload that reports its own peak RSS and CPU time at exit. */
function measureCli(path: string, preload: string): Measured {
  const cli = join(process.cwd(), 'dist/cli.js');
  const start = performance.now();
  const out = spawnSync(
    process.execPath,
    ['-r', preload, cli, 'validate', '--format', 'json', path],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const ms = performance.now() - start;
  if (out.status !== 0)
    throw new Error(`validate exited ${out.status}: ${out.stdout.slice(0, 2000)} ${out.stderr}`);
  const m = /BENCH_USAGE (\d+) (\d+)/.exec(out.stderr);
  if (!m) throw new Error('no usage report from the CLI child');
  return { ms, cpuMs: Number(m[2]) / 1000, peakRssMB: Number(m[1]) / 1024 };
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;

function repeat(n: number, f: () => Measured): Measured {
  const runs = Array.from({ length: n }, f);
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
  };
}

const VARIANTS: [string, GeneratorOptions][] = [
  ['typed totals', { subtotalFormulas: false, totalFormulas: false }],
  ['formula totals', {}],
];

function validateBench(sizes: number[], dir: string): void {
  const preload = join(dir, 'usage.js');
  writeFileSync(
    preload,
    "process.on('exit',()=>{const u=process.resourceUsage();require('fs').writeSync(2,'\\nBENCH_USAGE '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})",
  );
  console.log('validate end to end (median of 3; peak RSS of the process; ratios to the floor)');
  console.log(
    `  ${'rows'.padStart(8)} ${'MB'.padStart(6)}   ${'case'.padEnd(24)}  wall ms  ratio   cpu ms  ratio  peak MB     rows/s`,
  );
  for (const rows of sizes) {
    let floor: Measured | undefined;
    for (const [variant, opts] of VARIANTS) {
      const path = join(dir, `bench-${rows}.ledger.csv`);
      const fd = openSync(path, 'w');
      let bytes = 0;
      try {
        for (const chunk of generateLedger(rows, opts)) bytes += writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
      const cases: [string, Measured][] = [];
      if (!floor) {
        floor = repeat(3, () => measureChild('floor', path));
        cases.push(
          ['floor', floor],
          ['papaparse', repeat(3, () => measureChild('papaparse', path))],
        );
      }
      cases.push([`validate, ${variant}`, repeat(3, () => measureCli(path, preload))]);
      for (const [name, m] of cases) printRow(rows, bytes, name, m, floor);
      rmSync(path);
    }
  }
}

function printRow(rows: number, bytes: number, name: string, m: Measured, floor: Measured): void {
  const cols = [
    String(rows).padStart(10),
    (bytes / 1e6).toFixed(1).padStart(6),
    ' ' + name.padEnd(24),
    m.ms.toFixed(0).padStart(8),
    `${(m.ms / floor.ms).toFixed(1)}×`.padStart(6),
    m.cpuMs.toFixed(0).padStart(8),
    `${(m.cpuMs / floor.cpuMs).toFixed(1)}×`.padStart(6),
    m.peakRssMB.toFixed(0).padStart(8),
    Math.round((rows / m.ms) * 1000)
      .toLocaleString('en')
      .padStart(10),
  ];
  console.log(cols.join(' '));
}

function recalcBench(rows: number, variant: string, opts: GeneratorOptions): void {
  const text = [...generateLedger(rows, opts)].join('');
  let t = performance.now();
  const session = new LedgerSession('bench.ledger.csv', text, { asOf: '2024-12-31' });
  const openMs = performance.now() - t;
  t = performance.now();
  const problems = session.diagnostics().length;
  const checkMs = performance.now() - t;
  if (problems !== 0) throw new Error(`generated ledger has ${problems} problems`);
  // Edit entry amounts spread over the file; each edit changes its subtotal and its fund's total.
  const times: number[] = [];
  let changedCells = 0;
  let state = 12345;
  for (let i = 0; i < 300; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const row = 2 + (state % (rows - 10));
    const kind = session.value(row, 4);
    if (kind.kind !== 'text' || kind.value !== '拨付') continue;
    const value = `${(state % 99999) + 1}.${String(state % 100).padStart(2, '0')}`;
    const start = performance.now();
    const out = session.applyCellEdit(row, 6, value);
    times.push(performance.now() - start);
    changedCells += out.changed.length;
  }
  t = performance.now();
  const after = session.diagnostics().length;
  const recheckMs = performance.now() - t;
  console.log(
    `\nrecalculation after one cell edit, ${rows.toLocaleString('en')} rows, ${variant} (LedgerSession.applyCellEdit)`,
  );
  console.log(
    `  open (scan + formula engine): ${openMs.toFixed(0)} ms; full check: ${checkMs.toFixed(0)} ms`,
  );
  console.log(
    `  ${times.length} edits: p50 ${pct(times, 0.5).toFixed(2)} ms, p90 ${pct(times, 0.9).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms; ${(changedCells / times.length).toFixed(1)} cells changed per edit`,
  );
  console.log(`  full check after the edits: ${recheckMs.toFixed(0)} ms, ${after} problems `);
}

function main(argv: string[]): void {
  if (argv[0] === '--child') {
    const start = performance.now();
    const check = childCase(argv[1] as string, argv[2] as string);
    const ms = performance.now() - start;
    const u = process.resourceUsage();
    process.stdout.write(
      JSON.stringify({
        ms,
        cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
        peakRssMB: u.maxRSS / 1024,
        check,
      }),
    );
    return;
  }
  const sizes = argv.length > 0 ? argv.map(Number) : [10_000, 100_000, 1_000_000];
  const dir = mkdtempSync(join(tmpdir(), 'fund-ledger-validate-bench-'));
  try {
    validateBench(sizes, dir);
    recalcBench(100_000, '小计 =SUM(50 rows), 合计 typed', { totalFormulas: false });
    recalcBench(100_000, '小计 =SUM(50 rows), 合计 =SUMIFS(G:G,…) over the whole column', {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
