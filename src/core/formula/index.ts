export { FormulaEngine } from './engine';
export { compileFormula, compileMathText, type Compiled, type Expr } from './compile';
export { translateFormula, MAX_FORMULA_LENGTH } from './translate';
export { FUNCTION_NAMES } from './function-names';
export { a1, columnFromLetters, lettersFromColumn, type Ref } from './refs';
export { ArraySheet } from './array-sheet';
export { mapRowReferences, shiftRowReferences, type RowReferenceMap } from './shift';
export { reorderRowReferences, type ReorderedFormula } from './reorder';
export {
  ErrVal,
  type CellAddress,
  type CellType,
  type CellValue,
  type EngineOptions,
  type ErrorCode,
  type SheetSource,
} from './types';
