import {
  formatAmount,
  parseAmount,
  roundToPlaces,
  UNIT_FEN_EXPONENT,
  type Rounding,
} from '../money';
import { ErrVal, type CellType, type CellValue, type Stored } from './types';
import { big, isBig, type Scalar } from './values';

/** Plain numbers in `number` cells (counts, rates): optional sign, grouping, decimals, trailing %. */
const PLAIN_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?%?$/;

/** A non-formula cell's stored value. Unparseable amounts become #VALUE! so totals never skip them silently. */
export function parseConstant(raw: string, type: CellType, row: number, col: number): Stored {
  const text = raw.trim();
  if (text === '') return null;
  if (type === 'text') return raw;
  if (type === 'number') {
    if (!PLAIN_NUMBER.test(text) || !/\d/.test(text)) return raw;
    const pct = text.endsWith('%');
    const n = big(text.replace(/,/g, '').replace('%', ''));
    return pct ? n.div(100) : n;
  }
  const r = parseAmount(text, type);
  if (r.ok) return r.fen;
  return new ErrVal('#VALUE!', r.message, { row, col });
}

/** Fen exponent a formula in this cell works in; plain-number cells read amounts in 元. */
export function unitExponent(type: CellType): number {
  return type === 'text' || type === 'number' ? 2 : UNIT_FEN_EXPONENT[type];
}

/** A formula result → what the cell stores: amounts become fen, rounded by the configured mode. */
export function normaliseResult(
  v: Scalar,
  type: CellType,
  rounding: Rounding,
  row: number,
  col: number,
): Stored {
  if (v instanceof ErrVal) return v;
  if (type === 'number' || type === 'text') return v;
  if (v === null) return 0n;
  if (isBig(v)) return roundToPlaces(v, UNIT_FEN_EXPONENT[type], rounding);
  return new ErrVal(
    '#VALUE!',
    {
      en: `a formula in an amount cell must give a number, not ${typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : `"${v.slice(0, 30)}"`}`,
      zh: '金额单元格中的公式必须得出数字',
    },
    { row, col },
  );
}

export function sameStored(a: Stored, b: Stored): boolean {
  if (a === b) return true;
  if (isBig(a)) return isBig(b) && a.eq(b);
  if (a instanceof ErrVal)
    return (
      b instanceof ErrVal &&
      a.code === b.code &&
      a.origin.row === b.origin.row &&
      a.origin.col === b.origin.col &&
      a.message.en === b.message.en
    );
  return false;
}

export function toCellValue(s: Stored, type: CellType): CellValue {
  if (s === null) return { kind: 'empty' };
  if (typeof s === 'bigint') {
    const unit = type === 'text' || type === 'number' ? '元' : type;
    return { kind: 'number', value: formatAmount(s, unit, { grouping: false }), fen: s };
  }
  if (isBig(s)) return { kind: 'number', value: s.toFixed() };
  if (typeof s === 'string') return { kind: 'text', value: s };
  if (typeof s === 'boolean') return { kind: 'bool', value: s };
  return { kind: 'error', code: s.code, message: s.message, origin: s.origin };
}
