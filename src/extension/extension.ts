import * as vscode from 'vscode';
import { AllocationPanel } from './allocationPanel';
import { createApi, type FundLedgerApi } from './api';
import { registerCompare } from './compareView';
import { registerGridCommands } from './gridCommands';
import { LedgerEditorProvider } from './ledgerEditorProvider';
import { registerMergeConflicts } from './mergeConflicts';

// activate() only registers; each feature lives in its own file.
export function activate(context: vscode.ExtensionContext): FundLedgerApi {
  const log = vscode.window.createOutputChannel('Fund Ledger', { log: true });
  context.subscriptions.push(log);
  const grids = LedgerEditorProvider.register(context, log);
  registerGridCommands(context, grids, log);
  context.subscriptions.push(AllocationPanel.register(context, log));
  context.subscriptions.push(registerCompare(context), registerMergeConflicts(context));
  return createApi(grids);
}

export function deactivate(): void {}
