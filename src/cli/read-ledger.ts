// Reads one ledger file for validate/report. Small files are decoded whole; large ones are decoded
// and checked in row-aligned chunks, so a 1M-row file never sits in memory as bytes plus text.
import { closeSync, openSync, readSync, readFileSync, statSync } from 'node:fs';
import { decodeLedgerBytes, type LedgerEncoding } from '../core/csv/encoding';
import { scanCsv } from '../core/csv/scan';
import { LedgerBuilder } from '../core/ledger/builder';
import { finishLedger, type LedgerOptions, type LedgerResult } from '../core/ledger/finish';

/** Above this size files are streamed; below it the simple whole-file path is as fast. */
export const STREAM_THRESHOLD = 8 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;

export interface ReadOptions extends LedgerOptions {
  encoding?: LedgerEncoding;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export type ReadOutcome =
  | { ok: true; result: LedgerResult; encoding: LedgerEncoding; bytes: number }
  | { ok: false; message: string };

export function readLedger(path: string, opts: ReadOptions = {}): ReadOutcome {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, message: `${path}: is a directory` };
    size = st.size;
  } catch (e) {
    return { ok: false, message: `${path}: ${ioReason(e)}` };
  }
  try {
    if (size > STREAM_THRESHOLD && opts.encoding !== 'gb18030') {
      const streamed = streamLedger(path, size, opts);
      if (streamed) return streamed;
    }
    return wholeFile(path, readFileSync(path), opts);
  } catch (e) {
    return { ok: false, message: `${path}: ${ioReason(e)}` };
  }
}

function wholeFile(path: string, bytes: Uint8Array, opts: ReadOptions): ReadOutcome {
  const d = decodeLedgerBytes(bytes, opts.encoding);
  if ('error' in d) return { ok: false, message: `${path}: ${d.error}` };
  const b = new LedgerBuilder(path);
  b.addTable(scanCsv(d.text), 0, 0);
  opts.onProgress?.(bytes.length, bytes.length);
  return { ok: true, result: finishLedger(b, opts), encoding: d.encoding, bytes: bytes.length };
}

/**
 * UTF-8 in chunks. Returns undefined when the bytes turn out not to be UTF-8, so the caller falls
 * back to the whole-file decoder (which tries GB18030 and names the bad byte).
 */
function streamLedger(path: string, size: number, opts: ReadOptions): ReadOutcome | undefined {
  const fd = openSync(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buf = new Uint8Array(CHUNK);
    const b = new LedgerBuilder(path);
    let pending = '';
    let base = 0;
    let row = 0;
    let done = 0;
    const feed = (piece: string): void => {
      const table = scanCsv(piece);
      // Size the row store once from the first chunk's rows per byte (+5%), instead of doubling.
      if (row === 0 && done > 0) b.expectRows(Math.ceil(((table.rowCount * size) / done) * 1.05));
      b.addTable(table, base, row);
      base += piece.length;
      row += table.rowCount;
    };
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      const bytes = buf.subarray(0, n);
      if (
        done === 0 &&
        n >= 2 &&
        ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
      )
        return undefined;
      if (bytes.indexOf(0) >= 0) return undefined;
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: n > 0 });
      } catch {
        return undefined;
      }
      done += n;
      pending += text;
      const split = n === 0 ? pending.length : rowBoundary(pending);
      if (split > 0) {
        feed(pending.slice(0, split));
        pending = pending.slice(split);
      }
      opts.onProgress?.(done, size);
      if (n === 0) break;
    }
    return { ok: true, result: finishLedger(b, opts), encoding: 'utf-8', bytes: size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Length of the longest prefix of `text` that ends just after a record terminator outside quotes,
 * or 0. Counting quotes is enough: `""` inside a quoted cell toggles twice. A CR at the very end is
 * never a boundary, since its LF may be in the next chunk.
 */
export function rowBoundary(text: string): number {
  let end = text.length;
  if (text.charCodeAt(end - 1) === 13) end--;
  const quotes: number[] = [];
  for (let q = text.indexOf('"'); q >= 0 && q < end; q = text.indexOf('"', q + 1)) quotes.push(q);
  let limit = end - 1;
  while (limit >= 0) {
    const nl = Math.max(text.lastIndexOf('\n', limit), text.lastIndexOf('\r', limit));
    if (nl < 0) return 0;
    const before = countBelow(quotes, nl);
    if (before % 2 === 0)
      return text.charCodeAt(nl) === 13 && text.charCodeAt(nl + 1) === 10 ? nl + 2 : nl + 1;
    limit = (quotes[before - 1] as number) - 1;
  }
  return 0;
}

function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function ioReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory (文件不存在)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (无权读取)';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}
