// Which files `validate` and `report` read: named files as given, and inside folders every
// `*.ledger.csv` plus any other `*.csv` whose first line is a ledger header (docs/cli.md).
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scanCsv } from '../core/csv/scan';
import { isLedgerHeader } from '../core/ledger/schema';
import { UsageError } from './io';

const SKIP_DIRS = new Set(['node_modules', 'dist', 'out']);

export function findLedgers(paths: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  const inputs = paths.length > 0 ? paths : ['.'];
  for (const p of inputs) {
    const abs = resolveFrom(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UsageError(`${p}: no such file or directory (文件或目录不存在)`);
    }
    if (!isDir) {
      found.push(display(cwd, abs));
      continue;
    }
    const before = found.length;
    walk(abs, (file) => found.push(display(cwd, file)));
    if (found.length === before)
      throw new UsageError(
        `${p}: no ledgers found (no *.ledger.csv, and no *.csv with a ledger header) (目录中没有台账文件)`,
      );
  }
  return [...new Set(found)];
}

function resolveFrom(cwd: string, p: string): string {
  return p.startsWith('/') || /^[A-Za-z]:/.test(p) ? p : join(cwd, p);
}

function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

function walk(dir: string, visit: (file: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(path, visit);
    } else if (name.endsWith('.ledger.csv') || (name.endsWith('.csv') && hasLedgerHeader(path))) {
      visit(path);
    }
  }
}

/** Reads only the first 64 KB: enough for any header line. */
function hasLedgerHeader(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = new Uint8Array(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let text = firstLineText(buf.subarray(0, n));
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
    const table = scanCsv(firstLine);
    return table.rowCount > 0 && isLedgerHeader(table.rowValues(0));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** UTF-8 if the bytes are UTF-8 (a cut multi-byte character at the end is fine), else GB18030. */
function firstLineText(bytes: Uint8Array): string {
  const nl = bytes.indexOf(10);
  const line = nl >= 0 ? bytes.subarray(0, nl) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(line);
  } catch {
    return new TextDecoder('gb18030').decode(line);
  }
}
