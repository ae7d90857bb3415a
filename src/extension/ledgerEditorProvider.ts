// The ledger grid custom editor. The TextDocument is the model (see gridSession.ts); this file only
// registers the two view types, builds the webview and keeps track of open grids for commands and tests.
import * as vscode from 'vscode';
import type { GridToWebview } from '../shared/protocol';
import { onDisplayUnitChange } from './displayUnit';
import { GridSession } from './gridSession';
import { webviewRoots, webviewShell } from './webviewHtml';

export class LedgerEditorProvider implements vscode.CustomTextEditorProvider {
  static readonly viewType = 'fundLedger.grid';
  static readonly anyCsvViewType = 'fundLedger.gridAnyCsv';

  private readonly sessions = new Set<GridSession>();
  private readonly log: vscode.LogOutputChannel;

  static register(
    context: vscode.ExtensionContext,
    log: vscode.LogOutputChannel,
  ): LedgerEditorProvider {
    const provider = new LedgerEditorProvider(context, log);
    // No retainContextWhenHidden: the grid restores scroll and selection from getState on its own.
    const options = { supportsMultipleEditorsPerDocument: true };
    context.subscriptions.push(
      vscode.window.registerCustomEditorProvider(LedgerEditorProvider.viewType, provider, options),
      vscode.window.registerCustomEditorProvider(
        LedgerEditorProvider.anyCsvViewType,
        provider,
        options,
      ),
      onDisplayUnitChange((unit) => provider.broadcast({ type: 'displayUnit', unit })),
    );
    return provider;
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    log: vscode.LogOutputChannel,
  ) {
    this.log = log;
  }

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: webviewRoots(this.context.extensionUri),
    };
    const session = new GridSession(document, panel, { log: this.log });
    this.sessions.add(session);
    panel.onDidDispose(() => {
      this.sessions.delete(session);
      session.dispose();
    });
    panel.webview.html = webviewShell(panel.webview, this.context.extensionUri, {
      script: 'grid',
      styles: ['grid.css'],
      title: vscode.l10n.t('Fund Ledger Grid'),
      lang: vscode.env.language,
    });
  }

  /** Open grids on `uri`, the active one first. */
  sessionsFor(uri: vscode.Uri): GridSession[] {
    const key = uri.toString();
    return [...this.sessions]
      .filter((s) => s.document.uri.toString() === key)
      .sort((a, b) => Number(b.panel.active) - Number(a.panel.active));
  }

  activeSession(): GridSession | undefined {
    return [...this.sessions].find((s) => s.panel.active);
  }

  broadcast(message: GridToWebview): void {
    for (const s of this.sessions) s.post(message);
  }
}
