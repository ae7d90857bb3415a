/** A reference as written in a formula; rows and columns 0-based (A1 → row 0, col 0). */
export type Ref =
  | { kind: 'cell'; row: number; col: number }
  | { kind: 'range'; r1: number; c1: number; r2: number; c2: number }
  /** Whole columns `G:G` / `F:G`: data rows only (header and total rows skipped). */
  | { kind: 'columns'; c1: number; c2: number }
  /** `{ID}` (same column as the formula) or `{ID:列名}`; an empty id means the formula's own row. */
  | { kind: 'id'; id: string; column: string | undefined };

/** Spreadsheet column name → 0-based index (`A` → 0, `AA` → 26); max 3 letters (XFD). */
export function columnFromLetters(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n - 1;
}

export function lettersFromColumn(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `B3` for messages: 1-based rows as the user sees them. */
export function a1(row: number, col: number): string {
  return `${lettersFromColumn(col)}${row + 1}`;
}

/** Parses `$A$1`-style text (already known to be letters then digits) to a cell. */
export function parseCellText(text: string): { row: number; col: number } | undefined {
  let i = 0;
  if (text[i] === '$') i++;
  const ls = i;
  while (i < text.length && isLetter(text.charCodeAt(i))) i++;
  const letters = text.slice(ls, i);
  if (letters.length === 0 || letters.length > 3) return undefined;
  if (text[i] === '$') i++;
  const ds = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i !== text.length || ds === i || text[ds] === '0' || i - ds > 7) return undefined;
  return { row: Number(text.slice(ds)) - 1, col: columnFromLetters(letters) };
}

/** Parses `$G`-style column text. */
export function parseColumnText(text: string): number | undefined {
  const s = text[0] === '$' ? text.slice(1) : text;
  if (s.length === 0 || s.length > 3) return undefined;
  for (let i = 0; i < s.length; i++) if (!isLetter(s.charCodeAt(i))) return undefined;
  return columnFromLetters(s);
}

export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
