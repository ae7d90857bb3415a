// Everything the webviews may bundle. Byte decoding lives in './encoding' (import it directly):
// it pulls iconv-lite, which needs Node's Buffer and has no place in a browser bundle.
export {
  scanCsv,
  scanCsvChunk,
  MAX_STORED_ERRORS,
  type CsvChunk,
  type CsvChunkOptions,
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
  editRowCells,
  insertRows,
  deleteRows,
  applyEdit,
  quoteField,
  formatRow,
  dominantNewline,
  type TextEdit,
} from './edit';
export { toTsv, parseTsv, toCsv } from './tsv';
