// Shared by validate and report: find the ledgers, read each one, show progress on a terminal.
import type { LedgerEncoding } from '../core/csv/encoding';
import { findLedgers } from './discover';
import { oneOf, type ParsedArgs } from './args';
import { detectLang, type Lang } from './i18n';
import type { CliIo } from './io';
import { UsageError } from './io';
import type { FileReport } from './output/json';
import { readLedger, STREAM_THRESHOLD } from './read-ledger';

export interface LoadOptions {
  encoding?: LedgerEncoding;
  asOf?: string;
  pace: boolean;
}

export interface Loaded {
  reports: FileReport[];
  /** Files that could not be read at all (missing, binary, not UTF-8/GB18030): exit 2. */
  failures: string[];
}

export function loadLedgers(paths: readonly string[], io: CliIo, opts: LoadOptions): Loaded {
  const files = findLedgers(paths, io.cwd);
  const reports: FileReport[] = [];
  const failures: string[] = [];
  for (const path of files) {
    const abs = path.startsWith('/') ? path : `${io.cwd}/${path}`;
    let lastShown = -1;
    const onProgress = io.stderrIsTTY
      ? (done: number, total: number): void => {
          if (total < STREAM_THRESHOLD) return;
          const pct = Math.floor((done / total) * 100);
          if (pct === lastShown) return;
          lastShown = pct;
          io.err(`\r${path}: ${pct}%${pct === 100 ? '\n' : ''}`);
        }
      : undefined;
    const r = readLedger(abs, {
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
      pace: opts.pace,
      ...(onProgress ? { onProgress } : {}),
    });
    if (!r.ok) {
      failures.push(r.message.split(abs).join(path));
      continue;
    }
    reports.push({
      path,
      encoding: r.encoding,
      rows: Math.max(0, r.result.facts.rowCount - 1),
      asOf: r.result.asOf,
      diagnostics: r.result.diagnostics.map((d) => ({ ...d, file: path })),
      targets: r.result.targets,
    });
  }
  return { reports, failures };
}

export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(`--as-of must be a date like 2024-12-31 (got "${value}")`);
  return value;
}

/**
 * The flags `validate` and `report` share (--encoding, --lang, --as-of), read once; unreadable files are
 * reported on stderr here so both commands word them alike.
 */
export function loadFromArgs(args: ParsedArgs, io: CliIo, pace: boolean): Loaded & { lang: Lang } {
  const encoding = oneOf(
    'encoding',
    args.flags.get('encoding'),
    ['utf-8', 'gb18030'] as const,
    'utf-8',
  );
  const lang = detectLang(args.flags.get('lang'), io.env);
  const asOf = parseAsOf(args.flags.get('as-of'));
  const loaded = loadLedgers(args.positional, io, {
    ...(args.flags.has('encoding') ? { encoding } : {}),
    ...(asOf ? { asOf } : {}),
    pace,
  });
  for (const f of loaded.failures) io.err(`fund-ledger: ${f}\n`);
  return { ...loaded, lang };
}
