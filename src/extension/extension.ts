import * as vscode from 'vscode';
import { AllocationPanel } from './allocationPanel';
import { createApi, type FundLedgerApi } from './api';
import { LedgerEditorProvider } from './ledgerEditorProvider';

// activate() only registers; each feature lives in its own file.
export function activate(context: vscode.ExtensionContext): FundLedgerApi {
  const log = vscode.window.createOutputChannel('Fund Ledger', { log: true });
  context.subscriptions.push(log);
  const grids = LedgerEditorProvider.register(context, log);
  context.subscriptions.push(AllocationPanel.register(context, log));
  return createApi(grids);
}

export function deactivate(): void {}
