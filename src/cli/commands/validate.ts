import { pickLanguage } from '../../core/diagnostics';
import { oneOf, parseArgs } from '../args';
import type { Lang } from '../i18n';
import { EXIT, type CliIo } from '../io';
import { loadFromArgs } from '../load-all';
import { githubAnnotation } from '../output/github';
import { jsonReport, type FileReport } from '../output/json';
import { sarifReport } from '../output/sarif';
import { targetsTable } from '../output/targets-table';

export const validateHelp = `Usage: fund-ledger validate [PATH...] [options]

Checks ledgers (files or folders; default: the current folder's *.ledger.csv files and *.csv
files with a ledger header) and prints every problem plus allocation against targets.

Options:
  --format text|json|sarif|github   output format (default text)
  --strict                          warnings also make the exit code 1
  --lang en|zh-CN                   message language (default from LC_ALL/LC_MESSAGES/LANG)
  --encoding utf-8|gb18030          skip encoding detection
  --as-of YYYY-MM-DD                judge periods and pace at this date (default: the file's 截至 row, else today)

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 bad usage or unreadable files.
`;

const FLAGS = new Map([
  ['format', true],
  ['strict', false],
  ['lang', true],
  ['encoding', true],
  ['as-of', true],
  ['help', false],
]);

export function runValidate(argv: readonly string[], io: CliIo, version: string): number {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    io.out(validateHelp);
    return EXIT.ok;
  }
  const format = oneOf(
    'format',
    args.flags.get('format'),
    ['text', 'json', 'sarif', 'github'],
    'text',
  );
  const { reports, failures, lang } = loadFromArgs(args, io, false);

  if (format === 'json') io.out(jsonReport('validate', version, reports, lang));
  else if (format === 'sarif') io.out(sarifReport(version, reports, lang));
  else if (format === 'github')
    for (const r of reports)
      for (const d of r.diagnostics) io.out(githubAnnotation(r.path, d, lang));
  else io.out(textReport(reports, lang));

  if (failures.length > 0) return EXIT.usage;
  const all = reports.flatMap((r) => r.diagnostics);
  const failing = all.some(
    (d) => d.severity === 'error' || (args.flags.has('strict') && d.severity === 'warning'),
  );
  return failing ? EXIT.problems : EXIT.ok;
}

function textReport(reports: readonly FileReport[], lang: Lang): string {
  let out = '';
  for (const r of reports)
    for (const d of r.diagnostics)
      out += `${r.path}:${d.line}:${d.column} ${d.severity} ${d.code} ${pickLanguage(d.message, lang)}\n`;
  for (const r of reports) {
    if (r.targets.length === 0) continue;
    out += `\n${r.path} — ${lang === 'zh' ? `资金完成情况（截至 ${r.asOf}）` : `allocation against targets (as of ${r.asOf})`}\n`;
    out += indent(targetsTable(r.targets, lang)) + '\n';
  }
  const errors = reports.reduce(
    (n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length,
    0,
  );
  const warnings = reports.reduce(
    (n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length,
    0,
  );
  out +=
    lang === 'zh'
      ? `\n共检查 ${reports.length} 个文件：${errors} 个错误，${warnings} 个警告\n`
      : `\nChecked ${reports.length} file${reports.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
  return out;
}

const indent = (s: string): string =>
  s
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n');
