// One scan per document version, shared by every grid, the status bar and diagnostics on that document.
// A change inside one cell patches the previous version's scan instead of rescanning (see
// src/shared/patchedTable.ts), so typing in a 50 MB ledger does not rescan it per keystroke.
import * as vscode from 'vscode';
import { scanCsv, type CsvTable } from '../core/csv/scan';
import { PatchedTable } from '../shared/patchedTable';

const cache = new WeakMap<vscode.TextDocument, { version: number; table: CsvTable }>();

export function tableFor(document: vscode.TextDocument): CsvTable {
  const hit = cache.get(document);
  if (hit && hit.version === document.version) return hit.table;
  const table = scanCsv(document.getText());
  cache.set(document, { version: document.version, table });
  return table;
}

/** Keeps cached scans current through single-cell changes; anything else is rescanned on demand. */
export function trackDocumentTables(): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((e) => {
    const hit = cache.get(e.document);
    if (!hit || hit.version === e.document.version) return;
    cache.delete(e.document);
    if (hit.version !== e.document.version - 1) return;
    const change = e.contentChanges.length === 1 ? e.contentChanges[0] : undefined;
    if (!change) return;
    const old = hit.table.text;
    const start = change.rangeOffset;
    const end = start + change.rangeLength;
    const text = old.slice(0, start) + change.text + old.slice(end);
    const lastLine = e.document.lineAt(e.document.lineCount - 1);
    if (text.length !== e.document.offsetAt(lastLine.range.end)) return;
    const patched = PatchedTable.patch(hit.table, { start, end, text: change.text }, text);
    if (patched) cache.set(e.document, { version: e.document.version, table: patched.table });
  });
}
