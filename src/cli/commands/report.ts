import { oneOf, parseArgs } from '../args';
import { EXIT, type CliIo } from '../io';
import { loadFromArgs } from '../load-all';
import { jsonReport } from '../output/json';
import { targetHead, targetRows, targetsTable } from '../output/targets-table';
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
  const { reports, failures, lang } = loadFromArgs(args, io, true);
  if (format === 'json') io.out(jsonReport('report', version, reports, lang));
  else if (format === 'csv') {
    const head = [lang === 'zh' ? '文件' : 'File', ...targetHead(lang)];
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
