import { copyFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scanCsv } from '../../core/csv';
import { encodeLedgerText } from '../../core/csv/encoding';
import type { Diagnostic } from '../../core/diagnostics';
import { mergeLedgers } from '../../core/merge/merge';
import type { MergeResult } from '../../core/merge/types';
import { validateLedger } from '../../core/ledger/validate';
import { show } from '../../core/diff/textReport';
import { LedgerReadError, readLedgerFile, type LoadedLedger } from '../git/readLedger';
import { git } from '../git/run';
import { EXIT, UsageError, type CliIo } from '../io';

export const MERGE_USAGE = `Usage:
  fund-ledger merge BASE OURS THEIRS [-o OUT] [--path NAME]
Three-way, cell-level merge of ledgers, with git merge-driver semantics: the result is written to
OURS (git's %A) unless -o is given; conflicting cells hold all three values in one cell
(<<<<<<< ours: X ||||||| base: Y ======= theirs: Z >>>>>>>) so the file still parses; a report goes
to stderr. Exit status: 0 merged cleanly, 1 conflicts (or a fallback textual merge), 2 could not merge.`;

/** Most lines of each list printed to stderr; the counts are always complete. */
const REPORT_LIMIT = 50;

export function runMerge(args: readonly string[], io: CliIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${MERGE_USAGE}\n`);
    return EXIT.ok;
  }
  const files: string[] = [];
  let out: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-o' || a === '--output') out = args[++i];
    else if (a === '--path') name = args[++i];
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(resolve(io.cwd, a));
  }
  const [basePath, oursPath, theirsPath] = files;
  if (files.length !== 3 || basePath === undefined || oursPath === undefined || !theirsPath)
    throw new UsageError('expected three files: BASE OURS THEIRS');
  const target = out !== undefined ? resolve(io.cwd, out) : oursPath;
  const label = name ?? oursPath;

  let base: LoadedLedger;
  let ours: LoadedLedger;
  let theirs: LoadedLedger;
  try {
    [base, ours, theirs] = [basePath, oursPath, theirsPath].map(readLedgerFile) as [
      LoadedLedger,
      LoadedLedger,
      LoadedLedger,
    ];
  } catch (e) {
    if (e instanceof LedgerReadError) throw new UsageError(e.message);
    throw e;
  }

  const broken = [base, ours, theirs].some((l) => scanCsv(l.text).errors.length > 0);
  if (broken) return textualFallback(io, label, basePath, oursPath, theirsPath, target);

  const result = mergeLedgers(base.text, ours.text, theirs.text);
  writeFileSync(target, encodeLedgerText(result.text, ours.encoding, ours.bom));
  io.err(report(label, result, newProblems(label, ours.text, result.text)));
  const flagged = result.conflicts.length > 0 || result.notes.some((n) => n.severity === 'warning');
  return flagged ? EXIT.problems : EXIT.ok;
}

/**
 * A file that is not well-formed CSV cannot be merged by cell: fall back to git's line merge
 * (standard conflict markers), so the user still gets theirs' changes to look at.
 */
function textualFallback(
  io: CliIo,
  label: string,
  base: string,
  ours: string,
  theirs: string,
  target: string,
): number {
  io.err(
    `fund-ledger merge: ${show(label)}: a version is not well-formed CSV (e.g. an unclosed quote); ` +
      `falling back to a line-by-line merge.\n`,
  );
  if (target !== ours) copyFileSync(ours, target);
  const r = git(
    ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', target, base, theirs],
    io.cwd,
  );
  if (r.status < 0 || r.status > 127) {
    io.err(`fund-ledger merge: git merge-file failed: ${r.stderr}\n`);
    return EXIT.usage;
  }
  return EXIT.problems;
}

/** Problems the merge brought in: diagnostics of the result that ours did not already have. */
function newProblems(file: string, oursText: string, merged: string): Diagnostic[] {
  const key = (d: Diagnostic): string => `${d.code}\u0000${d.message.en}`;
  const before = new Map<string, number>();
  for (const d of validateLedger(file, oursText)) before.set(key(d), (before.get(key(d)) ?? 0) + 1);
  return validateLedger(file, merged).filter((d) => {
    const n = before.get(key(d)) ?? 0;
    if (n > 0) before.set(key(d), n - 1);
    return n === 0 && d.severity !== 'info';
  });
}

function report(label: string, r: MergeResult, problems: readonly Diagnostic[]): string {
  const lines: string[] = [];
  const s = r.stats;
  const name = show(label);
  lines.push(
    r.conflicts.length === 0
      ? `fund-ledger merge: ${name}: merged cleanly (${s.takenFromTheirs} row(s) took changes from theirs, ${s.adjustedFormulas} formula(s) adjusted)`
      : `fund-ledger merge: ${name}: ${s.cellConflicts} conflicting cell(s), ${s.rowConflicts} row conflict(s)`,
  );
  for (const c of r.conflicts.slice(0, REPORT_LIMIT)) {
    const id = c.id !== '' ? ` [${show(c.id)}]` : '';
    const what =
      c.kind === 'cell'
        ? `column ${show(c.column)}`
        : c.kind === 'deleted-by-ours'
          ? 'row deleted by ours, edited by theirs'
          : 'row deleted by theirs, edited by ours';
    lines.push(
      `  CONFLICT row ${c.row + 1}${id} ${what}: ours "${show(c.ours)}" | base "${show(c.base)}" | theirs "${show(c.theirs)}"`,
    );
  }
  if (r.conflicts.length > REPORT_LIMIT)
    lines.push(`  … ${r.conflicts.length - REPORT_LIMIT} more`);
  for (const n of r.notes.slice(0, REPORT_LIMIT)) {
    const at = n.row !== undefined ? ` row ${n.row + 1}` : '';
    lines.push(`  ${n.severity}${at}: ${show(n.message.en)} [${n.code}]`);
  }
  if (problems.length > 0) {
    lines.push(`  the merged ledger has ${problems.length} new problem(s):`);
    for (const d of problems.slice(0, REPORT_LIMIT))
      lines.push(`  ${d.severity} line ${d.line}: ${show(d.message.en)} [${d.code}]`);
  }
  if (r.conflicts.length > 0)
    lines.push(
      '  resolve in VS Code with "Fund Ledger: Resolve Ledger Conflicts", or edit the marked cells, then git add.',
    );
  return lines.join('\n') + '\n';
}
