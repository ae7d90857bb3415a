// "Fund Ledger: Show Allocation vs Targets": one webview panel for the active ledger or the whole
// workspace. The panel owns no numbers: the feed runs the core aggregation, the webview draws it.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type {
  ChartFromWebview,
  ChartModel,
  ChartScopeKind,
  ChartToWebview,
  ChartUnitChoice,
} from '../shared/protocol';
import { Analyst } from './allocationPanelAnalyst';
import { saveExport } from './allocationPanelExport';
import { ChartFeed, type FeedScope } from './allocationPanelFeed';
import { isUnitChoice, parseChartMessage } from './allocationPanelMessages';
import { webviewRoots, webviewShell } from './webviewHtml';

export const SHOW_ALLOCATION_COMMAND = 'fundLedger.showAllocation';
/** Contract with the grid: open `uri` in the grid and select these 0-based file rows. */
export const REVEAL_ROWS_COMMAND = 'fundLedger.revealRows';
const GRID_VIEW_TYPE = 'fundLedger.grid';
/** An update that takes longer than this shows "Computing…" (a million-row ledger takes seconds). */
const BUSY_AFTER_MS = 300;

/** The ledger the user is looking at: a grid tab or a text editor on a `.ledger.csv`. */
export function activeLedgerUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) {
    if (input.uri.path.endsWith('.csv')) return input.uri;
  }
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.uri.path.endsWith('.csv') ? doc.uri : undefined;
}

/**
 * The shared `fundLedger.displayUnit` setting, which the grid's unit switch writes too. `asDeclared`
 * (the default) shows each target in the unit its ledger declares, as `fund-ledger report` does.
 */
function unitSetting(): ChartUnitChoice {
  const value = vscode.workspace.getConfiguration('fundLedger').get<unknown>('displayUnit');
  return isUnitChoice(value) ? value : 'asDeclared';
}

function scopeFromState(state: unknown): FeedScope {
  const s = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
  const uri = typeof s['uri'] === 'string' ? vscode.Uri.parse(s['uri'], true) : undefined;
  return s['scope'] === 'workspace' || !uri ? { kind: 'workspace', uri } : { kind: 'file', uri };
}

export class AllocationPanel implements vscode.Disposable {
  static readonly viewType = 'fundLedger.allocation';
  static current: AllocationPanel | undefined;
  /** Test seam (FundLedgerApi.setChartSaveTarget): where the next export goes without a dialog. */
  private static saveTarget: vscode.Uri | undefined;

  static setSaveTarget(uri: vscode.Uri | undefined): void {
    AllocationPanel.saveTarget = uri;
  }

  private readonly feed: ChartFeed;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private sequence = 0;
  private pending: Promise<void> = Promise.resolve();
  /** The model last sent, for the test API. */
  lastModel: ChartModel | undefined;

  static register(
    context: vscode.ExtensionContext,
    log: vscode.LogOutputChannel,
  ): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.commands.registerCommand(SHOW_ALLOCATION_COMMAND, (uri?: unknown) =>
        AllocationPanel.show(context, log, uri instanceof vscode.Uri ? uri : undefined),
      ),
      vscode.window.registerWebviewPanelSerializer(AllocationPanel.viewType, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
          const scope = scopeFromState(state);
          log.info(`Restoring the allocation chart (${scope.kind} ${scope.uri?.toString() ?? ''})`);
          AllocationPanel.current?.panel.dispose();
          AllocationPanel.current = new AllocationPanel(context, log, panel, scope);
          // Without this the restored webview stayed blank in a background group (code-server 1.100.3).
          panel.reveal(panel.viewColumn, true);
        },
      }),
      { dispose: () => AllocationPanel.current?.dispose() },
    );
  }

  /** Opens (or reveals and retargets) the panel for `uri`, the active ledger, or else the workspace. */
  static show(
    context: vscode.ExtensionContext,
    log: vscode.LogOutputChannel,
    uri?: vscode.Uri,
  ): AllocationPanel {
    const target = uri ?? activeLedgerUri();
    const scope: FeedScope = target
      ? { kind: 'file', uri: target }
      : { kind: 'workspace', uri: undefined };
    const existing = AllocationPanel.current;
    if (existing) {
      existing.retarget(scope);
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      AllocationPanel.viewType,
      vscode.l10n.t('Allocation vs Targets'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: webviewRoots(context.extensionUri) },
    );
    AllocationPanel.current = new AllocationPanel(context, log, panel, scope);
    return AllocationPanel.current;
  }

  private constructor(
    context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    readonly panel: vscode.WebviewPanel,
    scope: FeedScope,
  ) {
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: webviewRoots(context.extensionUri),
    };
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'chart-icon.svg');
    const worker = vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath;
    const analyst = new Analyst(existsSync(worker) ? worker : undefined, (m) => log.warn(m));
    this.feed = new ChartFeed(
      scope,
      analyst,
      () => this.refresh(),
      () => ({
        uncategorised: vscode.l10n.t('(no category)'),
        undated: vscode.l10n.t('(no date)'),
        unreadable: (e: string) => vscode.l10n.t('not included: {0}', e),
      }),
    );
    this.disposables.push(
      this.feed,
      { dispose: () => analyst.dispose() },
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden a hidden webview is torn down and says `chartReady` again.
        if (!panel.visible) this.ready = false;
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('fundLedger.displayUnit'))
          this.post({ type: 'chartUnit', unit: unitSetting() });
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    panel.title = this.title();
    panel.webview.html = webviewShell(panel.webview, context.extensionUri, {
      script: 'chart',
      styles: ['chart.css'],
      title: vscode.l10n.t('Allocation vs Targets'),
      lang: vscode.env.language,
    });
  }

  dispose(): void {
    if (AllocationPanel.current === this) AllocationPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private title(): string {
    const s = this.feed.scope;
    const name =
      s.kind === 'file' && s.uri ? s.uri.path.split('/').pop() : vscode.l10n.t('Workspace');
    return vscode.l10n.t('Targets: {0}', name ?? '');
  }

  private retarget(scope: FeedScope): void {
    this.feed.scope = scope;
    this.panel.title = this.title();
    this.refresh();
  }

  private post(message: ChartToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private scopeMessage(): { scope: ChartScopeKind; uri: string | null } {
    return { scope: this.feed.scope.kind, uri: this.feed.scope.uri?.toString() ?? null };
  }

  /** Recomputes and sends the model; overlapping refreshes collapse to the newest. */
  refresh(init = false): Promise<void> {
    const seq = ++this.sequence;
    this.pending = this.pending.then(async () => {
      // A hidden panel has no webview to draw in; it asks again with `chartReady` when shown.
      if (!this.ready || (seq !== this.sequence && !init)) return;
      const busy = setTimeout(
        () => this.post({ type: 'chartBusy', text: vscode.l10n.t('Computing…') }),
        BUSY_AFTER_MS,
      );
      try {
        const model = await this.feed.model();
        clearTimeout(busy);
        // A newer refresh is queued: it sends the current numbers; these are already stale.
        if (seq !== this.sequence && !init) return;
        this.lastModel = model;
        if (init) {
          this.post({
            type: 'chartInit',
            strings: { ...(vscode.l10n.bundle ?? {}) },
            language: vscode.env.language.startsWith('zh') ? 'zh' : 'en',
            unit: unitSetting(),
            ...this.scopeMessage(),
            model,
          });
        } else this.post({ type: 'chartModel', ...this.scopeMessage(), model });
      } catch (e) {
        clearTimeout(busy);
        this.post({ type: 'chartBusy', text: null });
        this.log.error(
          `Allocation chart: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      }
    });
    return this.pending;
  }

  /** Where the last model's numbers came from (FundLedgerApi.chartAnalysis). */
  analysis(): { inWorker: boolean; modes: string[] } {
    return this.feed.analysis();
  }

  /** Settles once every refresh started so far has been sent (tests wait on it). */
  idle(): Promise<void> {
    return this.pending;
  }

  /** Entry for webview messages and for FundLedgerApi alike; resolves false when rejected. */
  async receive(raw: unknown): Promise<boolean> {
    const m = parseChartMessage(raw);
    if (!m) {
      this.log.warn('Rejected a malformed allocation chart message.');
      return false;
    }
    await this.handle(m);
    return true;
  }

  private async handle(m: ChartFromWebview): Promise<void> {
    switch (m.type) {
      case 'chartReady':
        this.ready = true;
        await this.refresh(true);
        return;
      case 'chartSetUnit':
        await vscode.workspace
          .getConfiguration('fundLedger')
          .update('displayUnit', m.unit, vscode.ConfigurationTarget.Global);
        return;
      case 'chartSetScope': {
        const uri = this.feed.scope.uri ?? activeLedgerUri();
        this.retarget(
          m.scope === 'file' && uri ? { kind: 'file', uri } : { kind: 'workspace', uri },
        );
        return;
      }
      case 'chartReveal': {
        const found = await this.feed.rowsFor(m.key, m.part, m.drill);
        if (found) await revealRows(found.uri, found.rows);
        return;
      }
      case 'chartSave': {
        const near = this.feed.scope.uri;
        const chosen = AllocationPanel.saveTarget;
        AllocationPanel.saveTarget = undefined;
        const base = vscode.l10n.t('allocation-vs-targets');
        const saved = await saveExport(m.format, m.data, near, base, chosen);
        if (saved)
          void vscode.window.showInformationMessage(
            vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(saved)),
          );
        return;
      }
    }
  }
}

/** Opens the grid on `uri` with all of `rows` selected (the grid decides how a scattered set shows). */
export async function revealRows(uri: vscode.Uri, rows: readonly number[]): Promise<void> {
  // The command refuses an empty list; the ledger should still open.
  if (rows.length > 0) await vscode.commands.executeCommand(REVEAL_ROWS_COMMAND, uri, [...rows]);
  else await vscode.commands.executeCommand('vscode.openWith', uri, GRID_VIEW_TYPE);
}
