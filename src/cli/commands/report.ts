import { oneOf, parseArgs } from '../args';
import { detectLang } from '../i18n';
import { EXIT, type CliIo } from '../io';
import { loadLedgers, parseAsOf } from '../load-all';
import { jsonReport } from '../output/json';
import { targetRows, targetsTable } from '../output/targets-table';
import { quoteField } from '../../core/csv/edit';

export const reportHelp = `Usage: fund-ledger report [PATH...] [options]

Prints allocation against targets for each fund, category and period: target band, actual,
remaining, share, status and pace.

Options:
  --format text|json|csv    output format (default text)
  --lang en|zh-CN           language (default from LC_ALL/LC_MESSAGES/LANG)
  --encoding utf-8|gb18030  skip encoding detection
  --as-of YYYY-MM-DD        judge pace at this date (default: the file's 截至 row, else today)
`;

const FLAGS = new Map([
  ['format', true],
  ['lang', true],
  ['encoding', true],
  ['as-of', true],
  ['help', false],
]);

export function runReport(argv: readonly string[], io: CliIo, version: string): number {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) {
    io.out(reportHelp);
    return EXIT.ok;
  }
  const format = oneOf('format', args.flags.get('format'), ['text', 'json', 'csv'], 'text');
  const encoding = oneOf(
    'encoding',
    args.flags.get('encoding'),
    ['utf-8', 'gb18030'] as const,
    'utf-8',
  );
  const lang = detectLang(args.flags.get('lang'), io.env);
  const asOf = parseAsOf(args.flags.get('as-of'));
  const { reports, failures } = loadLedgers(args.positional, io, {
    ...(args.flags.has('encoding') ? { encoding } : {}),
    ...(asOf ? { asOf } : {}),
    pace: true,
  });
  for (const f of failures) io.err(`fund-ledger: ${f}\n`);
  if (format === 'json') io.out(jsonReport('report', version, reports, lang));
  else if (format === 'csv') {
    const head =
      lang === 'zh'
        ? [
            '文件',
            '资金',
            '类别',
            '口径',
            '期间',
            '目标',
            '实际',
            '尚差',
            '完成率',
            '单位',
            '状态',
            '进度',
          ]
        : [
            'File',
            'Fund',
            'Category',
            'Measure',
            'Period',
            'Target',
            'Actual',
            'Remaining',
            'Share',
            'Unit',
            'Status',
            'Pace',
          ];
    const lines = [
      head,
      ...reports.flatMap((r) => targetRows(r.targets, lang).map((row) => [r.path, ...row])),
    ];
    // CRLF and a BOM: what Excel and WPS expect from a CSV on Chinese Windows.
    io.out('\ufeff' + lines.map((l) => l.map(safeCsv).join(',')).join('\r\n') + '\r\n');
  } else {
    for (const r of reports) {
      io.out(`${r.path} — ${lang === 'zh' ? `截至 ${r.asOf}` : `as of ${r.asOf}`}\n`);
      io.out(targetsTable(r.targets, lang) + '\n\n');
    }
  }
  return failures.length > 0 ? EXIT.usage : EXIT.ok;
}

/** Fund names come from user files: never let one become a formula in the exported CSV. */
function safeCsv(value: string): string {
  const risky = /^[=+@\t\r＝＋＠]/.test(value) || (/^-/.test(value) && !/^-[\d,.]+%?$/.test(value));
  return quoteField(risky ? `'${value}` : value);
}
