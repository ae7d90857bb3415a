/** A message every user-facing check carries in both languages; the front end picks one by locale. */
export interface Bilingual {
  en: string;
  zh: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a ledger, located exactly so every front end (Problems panel, CLI, SARIF) can point at it. */
export interface Diagnostic {
  /** Stable identifier, e.g. `FL-CSV-UNCLOSED-QUOTE`; documented in docs/diagnostics.md. */
  code: string;
  severity: Severity;
  message: Bilingual;
  file: string;
  /** UTF-16 offsets into the decoded text. */
  start: number;
  end: number;
  /** 1-based line and column of `start`. */
  line: number;
  column: number;
  /** 1-based line and column of `end` (exclusive). */
  endLine: number;
  endColumn: number;
  /** 0-based cell, when the problem belongs to one cell. */
  row?: number;
  col?: number;
}

export function pickLanguage(message: Bilingual, lang: string): string {
  return lang.toLowerCase().startsWith('zh') ? message.zh : message.en;
}
