// CSV engine benchmark: the floor (read the file, count newlines) against papaparse and scanCsv on
// ledger-like files of 10k, 100k and 1M rows (~130 bytes a row, Chinese text, some quoted cells).
// Each measurement runs in its own child process so its peak RSS is its own.
//
//   node out/bench/csv.bench.js [rows…]          standalone (default 10000 100000 1000000)
//   import { runCsvBench } from './csv.bench'    from the `npm run bench` driver
import { isUtf8, transcode } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeUtf8, floorLines, papaparseRows } from './baselines';
import { scanCsv, scanCsvChunk } from '../src/core/csv/scan';

type Case = 'floor' | 'decode' | 'papaparse' | 'scan' | 'scan+values' | 'stream' | 'stream-icu';
const CASES: readonly Case[] = [
  'floor',
  'decode',
  'papaparse',
  'scan',
  'scan+values',
  'stream',
  'stream-icu',
];

export interface CaseResult {
  /** Wall time, median of the repeats. */
  ms: number;
  /** User+system CPU time of the same run: steadier than wall time on a shared, loaded machine. */
  cpuMs: number;
  peakRssMB: number;
  ratioToFloor: number;
  cpuRatioToFloor: number;
  rowsPerSecond: number;
}

export interface CsvBenchResult {
  rows: number;
  bytes: number;
  cases: Record<Case, CaseResult>;
}

const FUNDS = [
  '教育质量提升资金',
  '结对帮扶资金',
  '教育基金会筹款',
  '教师培训经费',
  '高校毕业生补贴',
];
const CATS = ['教学成果奖励', '名师工作室', '学校建设', '改善办学条件', '学生资助', '质量监测'];
const KINDS = ['支出', '拨付', '筹集'];

/** One ledger-like row of about 130 bytes; every 7th description is quoted with a comma and quotes. */
function row(i: number): string {
  const fund = FUNDS[i % FUNDS.length] as string;
  const cat = CATS[(i >> 1) % CATS.length] as string;
  const kind = KINDS[i % KINDS.length] as string;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const amount = `${(i * 7919) % 100000}.${String(i % 100).padStart(2, '0')}`;
  const desc = i % 7 === 0 ? `"县一中 ""名师"" 设备,第${i % 9}批"` : `第${i % 97}号拨付凭证及附件`;
  const note = i % 3 === 0 ? `按县教育局文件第${i % 31}号执行` : `备注事项${i % 13}`;
  return `L${String(i).padStart(7, '0')},2024-${month}-${day},${fund},${cat},${kind},${desc},${amount},元,${note}\r\n`;
}

function writeLedger(path: string, rows: number): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    let chunk = '编号,日期,资金,类别,类型,摘要,金额,单位,备注\r\n';
    for (let i = 1; i <= rows; i++) {
      chunk += row(i);
      if (chunk.length > 1 << 20 || i === rows) {
        bytes += writeSync(fd, chunk);
        chunk = '';
      }
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** A strict UTF-8 chunk decoder, as TextDecoder's stream mode is. */
type Decode = (bytes: Buffer, final: boolean) => string;

function textDecoder(): Decode {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (bytes, final) => decoder.decode(bytes, { stream: !final });
}

/**
 * Node-only and about 3× faster than TextDecoder on Chinese text in Node 20: simdutf validation
 * (isUtf8) then ICU transcoding, holding back a sequence split at the chunk's end.
 */
function icuDecoder(): Decode {
  let held = Buffer.alloc(0);
  return (chunk, final) => {
    const bytes = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
    let end = bytes.length;
    if (!final) {
      let lead = end - 1;
      while (lead > 0 && end - lead < 4 && ((bytes[lead] as number) & 0xc0) === 0x80) lead--;
      const b = bytes[lead] ?? 0;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (lead >= 0 && end - lead < need) end = lead;
    }
    const part = bytes.subarray(0, end);
    held = Buffer.from(bytes.subarray(end));
    if (!isUtf8(part) || (final && held.length > 0)) throw new Error('invalid UTF-8');
    return transcode(part, 'utf8', 'utf16le').toString('utf16le');
  };
}

/** Reads, decodes and scans 8 MB at a time: what a validator can do to stay far below 300 MB. */
function streamScan(path: string, decode: Decode): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(8 << 20);
  let carry = '';
  let first = true;
  let rows = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      const final = n === 0;
      const text = carry + decode(buf.subarray(0, n), final);
      const { table, consumed } = scanCsvChunk(text, { final, atFileStart: first });
      for (let r = 0; r < table.rowCount; r++) rows += table.cellValue(r, 6).length > 0 ? 1 : 0;
      if (consumed > 0) first = false;
      carry = text.slice(consumed);
      if (final) return rows;
    }
  } finally {
    closeSync(fd);
  }
}

/** Runs one case in this process and returns a checksum, so no work can be optimised away. */
function runCase(kind: Case, path: string): number {
  if (kind === 'stream') return streamScan(path, textDecoder());
  if (kind === 'stream-icu') return streamScan(path, icuDecoder());
  const buf = readFileSync(path);
  if (kind === 'floor') return floorLines(buf);
  const text = decodeUtf8(buf);
  if (kind === 'decode') return text.length;
  if (kind === 'papaparse') return papaparseRows(text);
  const table = scanCsv(text);
  if (kind === 'scan') return table.rowCount + table.errors.length;
  let total = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const n = table.cellCount(r);
    for (let c = 0; c < n; c++) total += table.cellValue(r, c).length;
  }
  return total;
}

interface Measured {
  ms: number;
  cpuMs: number;
  peakRssMB: number;
}

function child(kind: Case, path: string): Measured {
  // By path, not __filename: a driver that imports runCsvBench is bundled to another file.
  const script = join(__dirname, 'csv.bench.js');
  const out = spawnSync(process.execPath, [script, '--child', kind, path], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`bench child ${kind} failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as Measured;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function runCsvBench(
  sizes: readonly number[] = [10_000, 100_000, 1_000_000],
  repeats = 3,
): Promise<CsvBenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fund-ledger-csv-bench-'));
  const results: CsvBenchResult[] = [];
  try {
    for (const rows of sizes) {
      const path = join(dir, `ledger-${rows}.csv`);
      const bytes = writeLedger(path, rows);
      const measured = {} as Record<Case, Measured>;
      for (const kind of CASES) {
        const runs = Array.from({ length: repeats }, () => child(kind, path));
        measured[kind] = {
          ms: median(runs.map((r) => r.ms)),
          cpuMs: median(runs.map((r) => r.cpuMs)),
          peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
        };
      }
      const floor = measured.floor;
      const cases = {} as Record<Case, CaseResult>;
      for (const kind of CASES) {
        const { ms, cpuMs, peakRssMB } = measured[kind];
        cases[kind] = {
          ms,
          cpuMs,
          peakRssMB,
          ratioToFloor: ms / floor.ms,
          cpuRatioToFloor: cpuMs / floor.cpuMs,
          rowsPerSecond: Math.round((rows / ms) * 1000),
        };
      }
      results.push({ rows, bytes, cases });
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

function print(results: readonly CsvBenchResult[]): void {
  for (const { rows, bytes, cases } of results) {
    console.log(`\n${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB`);
    for (const kind of CASES) {
      const c = cases[kind];
      console.log(
        `  ${kind.padEnd(12)} ${c.ms.toFixed(0).padStart(6)} ms ${c.ratioToFloor.toFixed(1).padStart(5)}×  ` +
          `cpu ${c.cpuMs.toFixed(0).padStart(6)} ms ${c.cpuRatioToFloor.toFixed(1).padStart(5)}×  ` +
          `${c.peakRssMB.toFixed(0).padStart(5)} MB peak RSS  ${c.rowsPerSecond.toLocaleString('en')} rows/s`,
      );
    }
  }
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--child') {
    const kind = argv[1] as Case;
    const start = performance.now();
    const cpu = process.cpuUsage();
    const check = runCase(kind, argv[2] as string);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ ms, cpuMs, peakRssMB, check }));
    return;
  }
  const sizes = argv.length > 0 ? argv.map(Number) : undefined;
  const results = await runCsvBench(sizes);
  print(results);
  if (process.env['BENCH_JSON']) console.log(JSON.stringify(results));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
