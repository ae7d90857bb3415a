// Bilingual message texts of per-row checks, kept apart from the checking code so the logic reads
// straight and translators find every sentence in one place.
import type { Bilingual } from '../diagnostics';
import { clip } from './codes';

export const MSG = {
  blankRow: { en: 'Empty line', zh: '空行' },
  kindMissing: { en: 'The row has no kind (类型)', zh: '该行缺少类型' },
  kindUnknown: (t: string): Bilingual => ({
    en: `Unknown kind "${clip(t)}" (use 目标, 筹集目标, 支出目标, 筹集, 拨付, 支出, 基数, 小计, 合计 or 截至)`,
    zh: `无法识别的类型“${clip(t)}”（可用：目标、筹集目标、支出目标、筹集、拨付、支出、基数、小计、合计、截至）`,
  }),
  idMissing: { en: 'The row has no id (编号)', zh: '该行缺少编号' },
  idDuplicate: (id: string, line: number): Bilingual => ({
    en: `Id "${clip(id)}" is already used on line ${line}`,
    zh: `编号“${clip(id)}”已在第 ${line} 行使用`,
  }),
  fundMissing: { en: 'The row has no fund (资金)', zh: '该行缺少资金名称' },
  dateInvalid: (t: string): Bilingual => ({
    en: `"${clip(t)}" is not a date (write 2024-03-15, 2024/3/15 or 2024年3月15日)`,
    zh: `“${clip(t)}”不是有效日期（请写成 2024-03-15、2024/3/15 或 2024年3月15日）`,
  }),
  asOfNeedsDate: { en: 'The 截至 (as-of) row needs a date', zh: '截至行需要填写日期' },
  periodInvalid: (t: string): Bilingual => ({
    en: `"${clip(t)}" is not a period (write 2024, 2024Q1, 2024-03 or 2023..2025)`,
    zh: `“${clip(t)}”不是有效期间（请写成 2024、2024Q1、2024-03 或 2023..2025）`,
  }),
  unitUnknown: (t: string): Bilingual => ({
    en: `Unknown unit "${clip(t)}" (use 元, 万元 or 亿元)`,
    zh: `无法识别的单位“${clip(t)}”（请用 元、万元 或 亿元）`,
  }),
  amountMissing: { en: 'The row needs an amount (金额)', zh: '该行需要填写金额' },
  amountTooLarge: { en: 'The amount is too large', zh: '金额过大' },
  maxNotTarget: {
    en: 'Only target rows take a maximum (上限); it is ignored here',
    zh: '只有目标行可以填写上限，此处的上限不起作用',
  },
  injection: (v: string): Bilingual => ({
    en: `"${clip(v)}" would run as a formula when the file is opened in Excel/WPS; reword it (Fund Ledger never adds a ' for you)`,
    zh: `“${clip(v)}”在 Excel/WPS 中打开时会被当作公式执行，请修改文字（Fund Ledger 不会自动加 ' ）`,
  }),
  ragged: (n: number, h: number): Bilingual => ({
    en: `The row has ${n} cells but the header has ${h}`,
    zh: `该行有 ${n} 个单元格，表头有 ${h} 个`,
  }),
  mixedEndings: (ending: string, first: string, more: number): Bilingual => ({
    en: `This line ends with ${ending} but the header line with ${first}${more > 0 ? ` (${more} more lines differ)` : ''}; Excel and git diffs work best with one kind`,
    zh: `此行以 ${ending} 结尾，表头行以 ${first} 结尾${more > 0 ? `（另有 ${more} 行不同）` : ''}；请统一换行符`,
  }),
} as const;

export function endingName(e: string): string {
  return e === '\r\n' ? 'CRLF' : e === '\n' ? 'LF' : e === '\r' ? 'CR' : 'none';
}
