import type { Bilingual, Severity } from '../diagnostics';

/** Every code the ledger validator emits, with its severity and a one-line summary (docs/diagnostics.md). */
export const LEDGER_CODES = {
  'FL-FILE-EMPTY': ['error', 'The file is empty', '文件为空'],
  'FL-CSV-UNCLOSED-QUOTE': ['error', 'A quoted cell is never closed', '引号未闭合'],
  'FL-CSV-STRAY-QUOTE': ['error', 'A quote inside an unquoted cell', '未加引号的单元格中含有引号'],
  'FL-CSV-TEXT-AFTER-QUOTE': ['error', 'Text after a closing quote', '右引号后还有文字'],
  'FL-CSV-RAGGED-ROW': [
    'error',
    'A row has more or fewer cells than the header',
    '行的单元格数与表头不同',
  ],
  'FL-CSV-MIXED-LINE-ENDINGS': ['warning', 'Line endings are mixed', '换行符不一致'],
  'FL-CSV-BLANK-ROW': ['warning', 'An empty line', '空行'],
  'FL-HEADER-MISSING': ['error', 'A required column is missing', '缺少必需的列'],
  'FL-HEADER-DUPLICATE': ['error', 'Two columns have the same name or role', '列名或列用途重复'],
  'FL-HEADER-EMPTY': ['warning', 'A header cell is empty', '表头单元格为空'],
  'FL-HEADER-UNIT': ['error', 'A header declares an unknown unit', '表头中的单位无法识别'],
  'FL-ID-MISSING': ['error', 'A row has no id', '行缺少编号'],
  'FL-ID-DUPLICATE': ['error', 'Two rows have the same id', '编号重复'],
  'FL-KIND-MISSING': ['error', 'A row has no kind', '行缺少类型'],
  'FL-KIND-UNKNOWN': ['error', 'Unknown kind', '无法识别的类型'],
  'FL-FUND-MISSING': ['error', 'A row has no fund', '行缺少资金名称'],
  'FL-FUND-UNKNOWN': [
    'error',
    'The fund has no target row in this file',
    '该资金在本文件中没有目标行',
  ],
  'FL-CATEGORY-UNKNOWN': [
    'error',
    'The category has no target under its fund',
    '该类别在其资金下没有目标',
  ],
  'FL-DATE-INVALID': ['error', 'Not a valid date', '日期无效'],
  'FL-PERIOD-INVALID': ['error', 'Not a valid period', '期间无效'],
  'FL-UNIT-UNKNOWN': ['error', 'Unknown unit', '无法识别的单位'],
  'FL-AMOUNT-MISSING': ['error', 'The row needs an amount', '该行缺少金额'],
  'FL-AMOUNT-NOT-NUMBER': ['error', 'The amount is not a number', '金额不是数字'],
  'FL-AMOUNT-PRECISION': ['error', 'The amount is finer than 1 fen', '金额精度超过 1 分'],
  'FL-MAX-NOT-TARGET': ['warning', 'A maximum on a row that is not a target', '非目标行填写了上限'],
  'FL-TARGET-RANGE': ['error', 'The maximum is below the minimum', '上限低于目标金额'],
  'FL-FORMULA-REF': [
    'error',
    '#REF! — a formula refers to a cell, row id or column that does not exist',
    '#REF!：公式引用的单元格、编号或列不存在',
  ],
  'FL-FORMULA-DIV0': ['error', '#DIV/0! — a formula divides by zero', '#DIV/0!：公式除以零'],
  'FL-FORMULA-NAME': [
    'error',
    '#NAME? — unknown function or name, or a forbidden construct',
    '#NAME?：未知函数或名称，或不允许的写法',
  ],
  'FL-FORMULA-CYCLE': [
    'error',
    '#CYCLE! — formulas refer to each other in a loop',
    '#CYCLE!：公式循环引用',
  ],
  'FL-FORMULA-VALUE': ['error', '#VALUE! — a value of the wrong type', '#VALUE!：值的类型不对'],
  'FL-FORMULA-NUM': [
    'error',
    '#NUM! — a number out of range, or too much work',
    '#NUM!：数值超出范围或计算量过大',
  ],
  'FL-FORMULA-SYNTAX': ['error', '#ERROR! — the formula cannot be read', '#ERROR!：公式无法解析'],
  'FL-FORMULA-NOT-AMOUNT': [
    'error',
    'A formula in a money column does not give a number',
    '金额列公式的结果不是数字',
  ],
  'FL-TOTAL-MISMATCH': [
    'error',
    'A total does not equal the sum of what it totals',
    '合计/小计与明细之和不符',
  ],
  'FL-TARGET-OVER': ['error', 'Actual is above the target maximum', '实际金额超过目标上限'],
  'FL-TARGET-UNDER': [
    'warning',
    'Actual is below the target after the period ended',
    '期间已结束，实际金额未达目标',
  ],
  'FL-INJECTION': [
    'error',
    'Excel/WPS would run this text as a formula',
    'Excel/WPS 会把该文本当作公式执行',
  ],
} as const satisfies Record<string, readonly [Severity, string, string]>;

export type LedgerCode = keyof typeof LEDGER_CODES;

export function severityOf(code: LedgerCode): Severity {
  return LEDGER_CODES[code][0];
}

export function summaryOf(code: LedgerCode): Bilingual {
  const [, en, zh] = LEDGER_CODES[code];
  return { en, zh };
}

/** Cell text quoted in messages, shortened so a hostile 1 MB cell does not flood the report. */
export function clip(text: string, max = 40): string {
  const oneLine = text.replace(/[\r\n\t]/g, ' ');
  return oneLine.length > max ? oneLine.slice(0, max) + '…' : oneLine;
}
