// Commands around the grid: validate workspace / this ledger, sort the file, reveal a cell or rows.
import * as vscode from 'vscode';
import { OPEN_READ_ONLY_COMMAND, openReadOnlyGrid } from './largeLedger';
import { REVEAL_ROWS_COMMAND } from './allocationPanel';
import { REVEAL_CELL_COMMAND } from './ledgerDiagnostics';
import { tableFor } from './documentTables';
import type { GridSession } from './gridSession';
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

/** Bounds the argument before any work: far above a real ledger, far below what would stall the host. */
const MAX_REVEAL_ROWS = 10_000_000;

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The grid on `uri`: an open one brought forward, else a new one (any CSV opens read as a ledger). */
async function showGrid(
  grids: LedgerEditorProvider,
  uri: vscode.Uri,
): Promise<GridSession | undefined> {
  const session = grids.sessionsFor(uri)[0];
  if (session) {
    session.panel.reveal(session.panel.viewColumn);
    return session;
  }
  const viewType = uri.path.toLowerCase().endsWith('.ledger.csv')
    ? LedgerEditorProvider.viewType
    : LedgerEditorProvider.anyCsvViewType;
  await vscode.commands.executeCommand('vscode.openWith', uri, viewType);
  return grids.sessionsFor(uri)[0];
}

/** Opens the grid on `uri` (reusing an open one) and selects the cell. */
export async function revealCell(
  grids: LedgerEditorProvider,
  uri: vscode.Uri,
  row: number,
  col: number,
): Promise<boolean> {
  const session = await showGrid(grids, uri);
  session?.reveal(row, col);
  return session !== undefined;
}

/** Sorted distinct rows, or undefined unless `value` is a non-empty array of row indexes. */
function rowList(value: unknown): number[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_REVEAL_ROWS) {
    return undefined;
  }
  const rows: number[] = [];
  for (const item of value as unknown[]) {
    if (!isIndex(item) || item > MAX_REVEAL_ROWS) return undefined;
    rows.push(item);
  }
  return [...new Set(rows)].sort((a, b) => a - b);
}

/**
 * Opens the grid on `uri` and selects the rows (see GridRevealRows for what a scattered set selects).
 * Rows past the end of the file reject the whole call, checked before any editor opens.
 */
export async function revealRows(
  grids: LedgerEditorProvider,
  uri: vscode.Uri,
  rows: readonly number[],
): Promise<boolean> {
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    return false;
  }
  const last = rows[rows.length - 1];
  if (last === undefined || last >= tableFor(doc).rowCount) return false;
  const session = await showGrid(grids, uri);
  session?.revealRows([...rows]);
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
    vscode.commands.registerCommand(
      REVEAL_ROWS_COMMAND,
      async (uriArg: unknown, rowsArg: unknown) => {
        const uri = toUri(uriArg);
        const rows = rowList(rowsArg);
        if (!uri || !rows) return false;
        return revealRows(grids, uri, rows);
      },
    ),
  );
}
