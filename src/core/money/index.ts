export {
  UNITS,
  UNIT_FEN_EXPONENT,
  parseUnitName,
  pow10,
  type Fen,
  type Rounding,
  type Unit,
} from './units';
export { parseAmount, type AmountErrorCode, type ParseAmountResult } from './parse';
export { formatAmount, type FormatOptions } from './format';
export { roundToFen, roundToPlaces, type DecimalLike } from './round';
export { decimalToString, divRound, parseDecimal, rescale, type Decimal } from './decimal';
