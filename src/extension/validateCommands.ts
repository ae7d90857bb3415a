// "Fund Ledger: Validate Workspace" and "Validate This Ledger": the CLI's checks (src/core/ledger)
// over every ledger in the workspace or the active one, results in the Problems panel.
import * as vscode from 'vscode';
import { decodeLedgerBytes } from '../core/csv/encoding';
import type { Diagnostic as LedgerDiagnostic } from '../core/diagnostics';
import { isLedgerHeader } from '../core/ledger/schema';
import { validateLedger } from '../core/ledger/validate';
import { scanCsv } from '../core/csv/scan';
import { isLedgerUri, type LiveDiagnostics } from './ledgerDiagnostics';

export interface ValidationSummary {
  files: number;
  errors: number;
  warnings: number;
  unreadable: string[];
}

/** The ledger the user is looking at: a grid tab or a text editor on a CSV. */
export function activeLedgerUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) {
    if (input.uri.path.toLowerCase().endsWith('.csv')) return input.uri;
  }
  return undefined;
}

function count(found: readonly LedgerDiagnostic[], summary: ValidationSummary): void {
  summary.files++;
  for (const d of found) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
  }
}

/** Text of a ledger: the open document if there is one (unsaved edits count), else the file's bytes. */
async function ledgerText(uri: vscode.Uri): Promise<string | { error: string }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const decoded = decodeLedgerBytes(await vscode.workspace.fs.readFile(uri));
  return 'error' in decoded ? { error: decoded.error } : decoded.text;
}

function isLedgerText(uri: vscode.Uri, text: string): boolean {
  if (isLedgerUri(uri)) return true;
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const table = scanCsv(firstLine);
  return table.rowCount > 0 && isLedgerHeader(table.rowValues(0));
}

export async function validateWorkspace(live: LiveDiagnostics): Promise<ValidationSummary> {
  const summary: ValidationSummary = { files: 0, errors: 0, warnings: 0, unreadable: [] };
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Validating ledgers'),
      cancellable: true,
    },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles('**/*.csv', '**/{node_modules,.git}/**');
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({
          message: vscode.workspace.asRelativePath(uri),
          increment: 100 / Math.max(uris.length, 1),
        });
        const text = await ledgerText(uri);
        if (typeof text !== 'string') {
          if (isLedgerUri(uri))
            summary.unreadable.push(`${vscode.workspace.asRelativePath(uri)}: ${text.error}`);
          continue;
        }
        if (!isLedgerText(uri, text)) continue;
        const found = validateLedger(vscode.workspace.asRelativePath(uri), text);
        live.publish(uri, found);
        count(found, summary);
        // Yield between files so the progress notification and cancellation stay responsive.
        if (i % 4 === 3) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  );
  return summary;
}

export async function validateOne(
  live: LiveDiagnostics,
  uri: vscode.Uri,
): Promise<ValidationSummary> {
  const summary: ValidationSummary = { files: 0, errors: 0, warnings: 0, unreadable: [] };
  const text = await ledgerText(uri);
  if (typeof text !== 'string') {
    summary.unreadable.push(`${vscode.workspace.asRelativePath(uri)}: ${text.error}`);
    return summary;
  }
  const found = validateLedger(vscode.workspace.asRelativePath(uri), text);
  live.publish(uri, found);
  count(found, summary);
  return summary;
}

export function showSummary(summary: ValidationSummary): void {
  const text = vscode.l10n.t(
    'Fund Ledger: {0} ledger(s) checked, {1} error(s), {2} warning(s).',
    summary.files,
    summary.errors,
    summary.warnings,
  );
  for (const u of summary.unreadable) void vscode.window.showErrorMessage(u);
  if (summary.errors > 0) void vscode.window.showErrorMessage(text);
  else if (summary.warnings > 0) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
  if (summary.errors + summary.warnings > 0) {
    void vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}
