// Clipboard and export formats, via papaparse. Excel and WPS copy a range as tab-separated rows,
// each ended by CRLF (the last one too), quoting a cell that holds a tab, a line break or a quote.

import Papa from 'papaparse';

const CRLF = '\r\n';

/** Cells as Excel/WPS put them on the clipboard. Values are never altered (no `'` prefix). */
export function toTsv(cells: readonly (readonly string[])[]): string {
  if (cells.length === 0) return '';
  return unparse(cells, '\t') + CRLF;
}

/**
 * Clipboard text to cells. A final line break ends the last row rather than starting an empty one.
 * Text that is not valid quoted TSV (e.g. a cell that begins with an unmatched `"`) is split
 * literally on line breaks and tabs, as Excel does when pasting such text.
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const body = stripFinalNewline(text);
  if (body === '') return [['']];
  const result = Papa.parse<string[]>(body, {
    delimiter: '\t',
    quoteChar: '"',
    skipEmptyLines: false,
  });
  if (result.errors.some((e) => e.type === 'Quotes')) {
    return body.split(/\r\n|\n|\r/).map((line) => line.split('\t'));
  }
  return result.data;
}

/** Cells as a standalone CSV file for export: comma-separated, CRLF after every row. */
export function toCsv(cells: readonly (readonly string[])[]): string {
  if (cells.length === 0) return '';
  return unparse(cells, ',') + CRLF;
}

function unparse(cells: readonly (readonly string[])[], delimiter: string): string {
  return Papa.unparse(
    cells.map((row) => [...row]),
    { delimiter, newline: CRLF, quotes: false, escapeFormulae: false, header: false },
  );
}

function stripFinalNewline(text: string): string {
  if (text.endsWith(CRLF)) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}
