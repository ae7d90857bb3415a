// Extension-side UI text for the grid. English source strings are the keys of l10n/bundle.l10n.*.json.
import * as vscode from 'vscode';

export const gridStrings = {
  restricted: (): string =>
    vscode.l10n.t('Restricted Mode: the ledger is read-only and formulas are shown as text.'),
  parseError: (line: number, column: number, code: string): string =>
    vscode.l10n.t(
      'This file cannot be read as CSV (line {0}, column {1}: {2}). It is shown read-only and will not be rewritten.',
      line,
      column,
      code,
    ),
  /** The webview translates its own strings with the same bundle (absent in English). */
  webview: (): Record<string, string> => ({ ...(vscode.l10n.bundle ?? {}) }),
};
