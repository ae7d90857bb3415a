// Shared setup for the grid's extension-host tests: ledger files written into the test workspace,
// opened with the grid, and the extension's FundLedgerApi.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FundLedgerApi } from '../../../src/extension/api';

export async function ledgerApi(): Promise<FundLedgerApi> {
  const ext = vscode.extensions.getExtension<FundLedgerApi>('fund-ledger.fund-ledger');
  assert.ok(ext, 'the extension under development is loaded');
  return ext.activate();
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri.fsPath;
}

let counter = 0;

/** Writes `text` to a fresh file in the workspace and returns its URI. */
export async function writeLedger(
  text: string | Uint8Array,
  suffix = '.ledger.csv',
): Promise<vscode.Uri> {
  counter++;
  const file = path.join(workspaceRoot(), `grid-test-${process.pid}-${counter}${suffix}`);
  await fs.writeFile(file, text);
  return vscode.Uri.file(file);
}

export async function bytesOnDisk(uri: vscode.Uri): Promise<string> {
  return fs.readFile(uri.fsPath, 'utf8');
}

export async function openGrid(
  uri: vscode.Uri,
  viewType = 'fundLedger.grid',
): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.openWith', uri, viewType);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  assert.ok(doc, 'opening the grid opened the TextDocument');
  return doc;
}

/** Resolves when `predicate` holds after a change of `doc` (or at once if it already holds). */
export function whenDocument(doc: vscode.TextDocument, predicate: () => boolean): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && predicate()) {
        sub.dispose();
        resolve();
      }
    });
  });
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
