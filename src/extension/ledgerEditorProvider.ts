// The ledger grid custom editor. The TextDocument is the model (see gridSession.ts); this file
// registers the two view types, builds the webview and keeps track of open grids for commands,
// the status bar, live diagnostics and tests.
import * as vscode from 'vscode';
import type { CellProblem, GridToWebview } from '../shared/protocol';
import { onGridUnitChange } from './displayUnit';
import { trackDocumentTables } from './documentTables';
import { GridSession } from './gridSession';
import { watchForLargeLedgers } from './largeLedger';
import { isLedgerUri, LiveDiagnostics } from './ledgerDiagnostics';
import { GridStatusBar } from './statusBar';
import { webviewRoots, webviewShell } from './webviewHtml';

export class LedgerEditorProvider implements vscode.CustomTextEditorProvider {
  static readonly viewType = 'fundLedger.grid';
  static readonly anyCsvViewType = 'fundLedger.gridAnyCsv';

  private readonly sessions = new Set<GridSession>();
  readonly diagnostics: LiveDiagnostics;
  private readonly status = new GridStatusBar();

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
      onGridUnitChange((unit) => provider.broadcast({ type: 'displayUnit', unit })),
      provider.diagnostics,
      provider.status,
      trackDocumentTables(),
      watchForLargeLedgers([LedgerEditorProvider.viewType, LedgerEditorProvider.anyCsvViewType]),
    );
    return provider;
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.diagnostics = new LiveDiagnostics(
      (doc) => isLedgerUri(doc.uri) || this.sessionsFor(doc.uri).length > 0,
      (uri, problems) => this.sendProblems(uri, problems),
    );
  }

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: webviewRoots(this.context.extensionUri),
    };
    let firstInit = true;
    const session = new GridSession(document, panel, {
      log: this.log,
      onSelection: (s, m) => {
        if (s.panel.active)
          this.status.show(s.document, m, this.diagnostics.targetsFor(s.document.uri));
      },
      problems: (s) => this.diagnostics.problemsFor(s.document.uri),
      // Validate once the grid has its text: before, it would hold up the first paint.
      sentInit: (s) => {
        if (firstInit) this.diagnostics.schedule(s.document, 0);
        firstInit = false;
      },
    });
    this.sessions.add(session);
    panel.onDidChangeViewState(() => {
      if (!this.activeSession()) this.status.hide();
    });
    panel.onDidDispose(() => {
      this.sessions.delete(session);
      session.dispose();
      if (!this.activeSession()) this.status.hide();
    });
    panel.webview.html = webviewShell(panel.webview, this.context.extensionUri, {
      script: 'grid',
      styles: ['grid.css'],
      codicons: true,
      title: vscode.l10n.t('Fund Ledger Grid'),
      lang: vscode.env.language,
    });
    // A plain .csv opened with the grid is checked as a ledger from now on, once the grid has its
    // text (sentInit above); until then, a check scheduled when the document opened waits.
    this.diagnostics.schedule(document, 60_000);
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

  private sendProblems(uri: vscode.Uri, problems: CellProblem[]): void {
    for (const s of this.sessionsFor(uri)) s.post({ type: 'problems', problems });
  }
}
