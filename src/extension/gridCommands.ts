// Commands around the grid: validate workspace / this ledger, sort the file, reveal a cell.
import * as vscode from 'vscode';
import { OPEN_READ_ONLY_COMMAND, openReadOnlyGrid } from './largeLedger';
import { REVEAL_CELL_COMMAND } from './ledgerDiagnostics';
import { LedgerEditorProvider } from './ledgerEditorProvider';
import { sortFileBy, type SortArgs } from './sortFile';
import { activeLedgerUri, showSummary, validateOne, validateWorkspace } from './validateCommands';

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') {
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Opens the grid on `uri` (reusing an open one) and selects the cell. */
export async function revealCell(
  grids: LedgerEditorProvider,
  uri: vscode.Uri,
  row: number,
  col: number,
): Promise<boolean> {
  let session = grids.sessionsFor(uri)[0];
  if (session) {
    session.panel.reveal(session.panel.viewColumn);
  } else {
    const viewType = uri.path.toLowerCase().endsWith('.ledger.csv')
      ? LedgerEditorProvider.viewType
      : LedgerEditorProvider.anyCsvViewType;
    await vscode.commands.executeCommand('vscode.openWith', uri, viewType);
    session = grids.sessionsFor(uri)[0];
  }
  session?.reveal(row, col);
  return session !== undefined;
}

export function registerGridCommands(
  context: vscode.ExtensionContext,
  grids: LedgerEditorProvider,
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_READ_ONLY_COMMAND, async (arg?: unknown) => {
      const uri = toUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
      if (!uri) return undefined;
      await openReadOnlyGrid(context, log, uri);
      return true;
    }),
    vscode.commands.registerCommand('fundLedger.validateWorkspace', async () => {
      const summary = await validateWorkspace(grids.diagnostics);
      showSummary(summary);
      return summary;
    }),
    vscode.commands.registerCommand('fundLedger.validateLedger', async (arg?: unknown) => {
      const uri = toUri(arg) ?? activeLedgerUri();
      if (!uri) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a ledger (.csv) first.'));
        return undefined;
      }
      const summary = await validateOne(grids.diagnostics, uri);
      showSummary(summary);
      return summary;
    }),
    vscode.commands.registerCommand(
      'fundLedger.sortFileBy',
      async (arg?: unknown, options?: SortArgs) => {
        const uri = toUri(arg) ?? grids.activeSession()?.document.uri;
        const doc =
          uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (!doc) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Open a ledger in the grid first.'));
          return false;
        }
        return sortFileBy(doc, options ?? {});
      },
    ),
    vscode.commands.registerCommand(
      REVEAL_CELL_COMMAND,
      async (uriArg: unknown, row: unknown, col: unknown) => {
        const uri = toUri(uriArg);
        if (!uri || !isIndex(row) || !isIndex(col)) return false;
        return revealCell(grids, uri, row, col);
      },
    ),
  );
}
