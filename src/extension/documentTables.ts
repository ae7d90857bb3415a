// One scan per document version, shared by every grid, the status bar and diagnostics on that document.
import type * as vscode from 'vscode';
import { scanCsv, type CsvTable } from '../core/csv';

const cache = new WeakMap<vscode.TextDocument, { version: number; table: CsvTable }>();

export function tableFor(document: vscode.TextDocument): CsvTable {
  const hit = cache.get(document);
  if (hit && hit.version === document.version) return hit.table;
  const table = scanCsv(document.getText());
  cache.set(document, { version: document.version, table });
  return table;
}
