// The test seam returned by activate(): thin calls into the same handlers the webviews use.
import type * as vscode from 'vscode';
import type { LedgerEditorProvider } from './ledgerEditorProvider';

export interface FundLedgerApi {
  /** Applies a cell edit to the open ledger exactly as a webview `editCell` message would; resolves false if rejected. */
  editCell(uri: vscode.Uri, row: number, col: number, value: string): Promise<boolean>;
  /** Delivers an arbitrary (possibly forged) message to the open grid's handler, as if its webview had posted it. */
  postGridMessage(uri: vscode.Uri, message: unknown): Promise<boolean>;
}

export function createApi(grids: LedgerEditorProvider): FundLedgerApi {
  const deliver = (uri: vscode.Uri, message: unknown): Promise<boolean> => {
    const session = grids.sessionsFor(uri)[0];
    return session ? session.receive(message) : Promise.resolve(false);
  };
  return {
    editCell: (uri, row, col, value) => deliver(uri, { type: 'editCell', row, col, value }),
    postGridMessage: deliver,
  };
}
