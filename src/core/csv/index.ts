export {
  scanCsv,
  MAX_STORED_ERRORS,
  type CsvTable,
  type CsvSyntaxError,
  type LineEnding,
} from './scan';
export { offsetToLineColumn, LineIndex, type LineColumn } from './position';
export {
  detectLineEndings,
  DEFAULT_NEWLINE,
  type LineEndingInfo,
  type Newline,
} from './line-endings';
export {
  editCell,
  insertRows,
  deleteRows,
  applyEdit,
  quoteField,
  formatRow,
  dominantNewline,
  type TextEdit,
} from './edit';
export {
  decodeLedgerBytes,
  encodeLedgerText,
  type LedgerEncoding,
  type DecodedLedger,
  type DecodeFailure,
  type DecodeErrorCode,
} from './encoding';
export { toTsv, parseTsv, toCsv } from './tsv';
