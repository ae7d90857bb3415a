// "Fund Ledger: Sort File By…": actually reorders the data rows (the grid's own sort is only a view).
// One WorkspaceEdit, so one undo step. The order and the formula rewriting are the core's
// (src/core/ledger/sort-rows.ts); a sort that would split a formula's range is refused, naming it.
import * as vscode from 'vscode';
import { a1 } from '../core/formula/refs';
import { sortRows } from '../core/ledger/sort-rows';
import { encodingNotice } from './documentEncoding';
import { tableFor } from './documentTables';

export interface SortArgs {
  col?: number;
  descending?: boolean;
}

/** How many formula cells a refusal names before "…". */
const NAMED = 5;

/** Asks for the column and direction (unless given) and applies the sort to the document. */
export async function sortFileBy(doc: vscode.TextDocument, args: SortArgs = {}): Promise<boolean> {
  const table = tableFor(doc);
  if (table.errors.length > 0 || table.rowCount < 3) return false;
  // The same rule as the grid: a file whose bytes would not survive a save is never rewritten.
  const blocked = await encodingNotice(doc);
  if (blocked) {
    void vscode.window.showErrorMessage(blocked.message);
    return false;
  }
  let col = args.col;
  if (col === undefined) {
    const picked = await vscode.window.showQuickPick(
      table.rowValues(0).map((name, i) => ({ label: name || `#${i + 1}`, col: i })),
      { placeHolder: vscode.l10n.t('Sort the file’s rows by which column?') },
    );
    if (!picked) return false;
    col = picked.col;
  }
  let descending = args.descending;
  if (descending === undefined) {
    const up = vscode.l10n.t('Ascending');
    const down = vscode.l10n.t('Descending');
    const picked = await vscode.window.showQuickPick([up, down], {
      placeHolder: vscode.l10n.t('Order'),
    });
    if (!picked) return false;
    descending = picked === down;
  }
  const outcome = sortRows(table, col, descending);
  if (outcome.kind === 'unchanged') return true;
  if (outcome.kind === 'split-ranges') {
    const names = outcome.cells.slice(0, NAMED).map((c) => a1(c.row, c.col));
    if (outcome.cells.length > NAMED) names.push('…');
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'The file was not sorted: the formulas in {0} refer to ranges of rows that the new order would split up. Refer to whole columns (SUMIFS over G:G) or row ids ({ID}) instead, or sort only the view (toolbar).',
        names.join(', '),
      ),
    );
    return false;
  }
  const { edit } = outcome;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(
    doc.uri,
    new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)),
    edit.text,
  );
  return vscode.workspace.applyEdit(workspaceEdit);
}
