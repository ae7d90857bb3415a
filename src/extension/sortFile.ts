// "Fund Ledger: Sort File By…": actually reorders the data rows (the grid's own sort is only a view).
// One WorkspaceEdit, so one undo step. Each row keeps its exact bytes; line terminators stay in place.
import * as vscode from 'vscode';
import type { CsvTable, TextEdit } from '../core/csv';
import { MONEY_ROLES, resolveSchema } from '../core/ledger/schema';
import { parseAmount } from '../core/money/parse';
import { tableFor } from './documentTables';

type Key = { n: bigint | number } | { s: string };

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });

function keyOf(
  table: CsvTable,
  row: number,
  col: number,
  unit: '元' | '万元' | '亿元' | null,
): Key {
  const raw = table.cellValue(row, col).trim();
  if (unit) {
    const parsed = parseAmount(raw, unit);
    if (parsed.ok) return { n: parsed.fen };
  } else if (/^[-+]?\d+(\.\d+)?$/.test(raw)) {
    return { n: Number(raw) };
  }
  return { s: raw };
}

/** Numbers before text; equal keys keep the file's order (Array.prototype.sort is stable). */
function compare(a: Key, b: Key): number {
  if ('n' in a && 'n' in b) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  if ('n' in a) return -1;
  if ('n' in b) return 1;
  return collator.compare(a.s, b.s);
}

/** The edit that puts data rows 1..n-1 in order of `col`; undefined when already in that order. */
export function sortRowsEdit(
  table: CsvTable,
  col: number,
  descending: boolean,
): TextEdit | undefined {
  const last = table.rowCount - 1;
  if (last < 2) return undefined;
  const header = resolveSchema(table.rowValues(0)).headers[col];
  const unit =
    header && header.role !== 'extra' && MONEY_ROLES.has(header.role)
      ? (header.unit ?? '元')
      : null;
  const rows = Array.from({ length: last }, (_, i) => i + 1);
  const keys = rows.map((row) => keyOf(table, row, col, unit));
  const sign = descending ? -1 : 1;
  const empty = (k: Key | undefined): boolean => k === undefined || ('s' in k && k.s === '');
  rows.sort((a, b) => {
    const ka = keys[a - 1];
    const kb = keys[b - 1];
    // Empty cells stay last whichever the direction.
    if (empty(ka) || empty(kb)) return empty(ka) === empty(kb) ? 0 : empty(ka) ? 1 : -1;
    return ka && kb ? sign * compare(ka, kb) : 0;
  });
  if (rows.every((row, i) => row === i + 1)) return undefined;
  let text = '';
  rows.forEach((row, i) => {
    text += table.text.slice(table.rowStart(row), table.rowEnd(row));
    if (i < rows.length - 1) text += table.lineEnding(i + 1);
  });
  return { start: table.rowStart(1), end: table.rowEnd(last), text };
}

export interface SortArgs {
  col?: number;
  descending?: boolean;
}

/** Asks for the column and direction (unless given) and applies the sort to the document. */
export async function sortFileBy(doc: vscode.TextDocument, args: SortArgs = {}): Promise<boolean> {
  const table = tableFor(doc);
  if (table.errors.length > 0 || table.rowCount < 3) return false;
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
  const edit = sortRowsEdit(table, col, descending);
  if (!edit) return true;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(
    doc.uri,
    new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)),
    edit.text,
  );
  return vscode.workspace.applyEdit(workspaceEdit);
}
