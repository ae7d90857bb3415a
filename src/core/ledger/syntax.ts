import type { CsvTable } from '../csv/scan';
import type { DiagnosticList } from './positions';

const MESSAGES = {
  'unclosed-quote': [
    'FL-CSV-UNCLOSED-QUOTE',
    'This quote is never closed: the rest of the file would be read as one cell. Add the closing "',
    '此引号没有闭合，后面的内容都会被读成一个单元格。请补上右引号 "',
  ],
  'quote-in-unquoted-field': [
    'FL-CSV-STRAY-QUOTE',
    'A " inside a cell that does not start with one; quote the whole cell and double the " ("")',
    '未加引号的单元格中出现了 "；请给整个单元格加引号，并把 " 写成 ""',
  ],
  'text-after-closing-quote': [
    'FL-CSV-TEXT-AFTER-QUOTE',
    'Text after the closing quote of a cell; move it inside the quotes',
    '单元格的右引号后还有文字；请把它移到引号内',
  ],
} as const;

export function reportSyntaxErrors(
  table: CsvTable,
  base: number,
  firstRow: number,
  out: DiagnosticList,
): void {
  for (const e of table.errors) {
    const [code, en, zh] = MESSAGES[e.code];
    out.add(code, { en, zh }, base + e.offset, base + e.offset + 1, {
      row: firstRow + e.row,
      col: e.col,
    });
  }
  if (table.omittedErrorCount > 0) {
    const last = table.errors[table.errors.length - 1];
    const at = base + (last?.offset ?? 0);
    out.add(
      'FL-CSV-STRAY-QUOTE',
      {
        en: `${table.omittedErrorCount} more CSV syntax errors not listed`,
        zh: `另有 ${table.omittedErrorCount} 处 CSV 语法错误未列出`,
      },
      at,
      at + 1,
    );
  }
}

/** A line with nothing on it (one empty, unquoted cell). */
export function rowIsBlank(table: CsvTable, row: number): boolean {
  return table.cellCount(row) === 1 && table.rowEnd(row) === table.rowStart(row);
}
