// The chart's data feed: which ledgers are in scope, their current text (open TextDocuments first,
// so unsaved edits count), and a debounced "changed" signal on edits, saves and files appearing or
// vanishing on disk. The analyses run in a worker (allocationPanelAnalyst.ts): each ledger's text is
// sent once, then only the document's change events, which the worker applies row by row.
import * as vscode from 'vscode';
import { decodeLedgerBytes } from '../core/csv/encoding';
import type { ChartDrill, ChartModel, ChartScopeKind } from '../shared/protocol';
import type { Analyst } from './allocationPanelAnalyst';
import { todayIso } from '../core/ledger/period';

export const LEDGER_GLOB = '**/*.ledger.csv';
/** Typing in the grid fires a change per keystroke commit; one recompute per pause is enough. */
export const DEBOUNCE_MS = 250;
/** Upper bound of the adaptive wait (see `delay`). */
const MAX_WAIT_MS = 10_000;

export interface FeedScope {
  kind: ChartScopeKind;
  /** The ledger in file scope. */
  uri: vscode.Uri | undefined;
}

export class ChartFeed implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Milliseconds the last aggregation took (a 1M-row ledger takes seconds). */
  private lastCostMs = 0;
  /** Ledgers of the last model, by workspace-relative path (the first part of a bar key). */
  private lastFiles = new Map<string, vscode.Uri>();
  /** How each ledger of the last model got current: 'full', 'row' or 'cached'. */
  private lastModes: string[] = [];

  constructor(
    public scope: FeedScope,
    private readonly analyst: Analyst,
    private readonly onChange: () => void,
    private readonly labels: () => {
      uncategorised: string;
      undated: string;
      unreadable: (e: string) => string;
    },
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(LEDGER_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.changed()),
      watcher.onDidDelete((u) => this.changed(u)),
      watcher.onDidChange((u) => this.changed(u)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        this.follow(e);
        if (this.inScope(e.document.uri)) this.changed();
      }),
      // Closing a dirty document drops its unsaved text: the file on disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.analyst.drop(d.uri.toString());
        if (this.inScope(d.uri)) this.changed();
      }),
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** Passes a change event on when the analyses hold the version just before it; else forgets. */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document.uri.toString();
    const held = this.analyst.held(doc);
    if (held === undefined) return;
    if (held !== `doc:${e.document.version - 1}`) {
      this.analyst.drop(doc);
      return;
    }
    this.analyst.change(
      doc,
      `doc:${e.document.version}`,
      e.contentChanges.map((c) => ({
        start: c.rangeOffset,
        end: c.rangeOffset + c.rangeLength,
        text: c.text,
      })),
    );
  }

  private inScope(uri: vscode.Uri): boolean {
    if (this.scope.kind === 'file') return uri.toString() === this.scope.uri?.toString();
    return (
      uri.path.endsWith('.ledger.csv') && vscode.workspace.getWorkspaceFolder(uri) !== undefined
    );
  }

  private changed(uri?: vscode.Uri): void {
    // A file changed on disk: what the analyses hold from disk is stale (open documents follow events).
    if (uri && this.analyst.held(uri.toString())?.startsWith('disk:'))
      this.analyst.drop(uri.toString());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, this.delay());
  }

  /**
   * Off the thread the wait is fixed; on it (no worker) the wait grows with the cost: a pause in
   * typing of twice the last run, so edits are not held up by a recompute per commit.
   */
  private delay(): number {
    if (this.analyst.inWorker) return DEBOUNCE_MS;
    return Math.max(DEBOUNCE_MS, Math.min(MAX_WAIT_MS, 2 * this.lastCostMs));
  }

  private async files(): Promise<vscode.Uri[]> {
    if (this.scope.kind === 'file') return this.scope.uri ? [this.scope.uri] : [];
    const found = await vscode.workspace.findFiles(LEDGER_GLOB, '**/node_modules/**');
    return found.sort((a, b) =>
      vscode.workspace.asRelativePath(a).localeCompare(vscode.workspace.asRelativePath(b)),
    );
  }

  /** Makes the analyses hold the ledger's current text: the open document's, else the bytes on disk. */
  private async sync(uri: vscode.Uri, file: string): Promise<{ error: string } | undefined> {
    const doc = uri.toString();
    const held = this.analyst.held(doc);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc);
    if (open) {
      const version = `doc:${open.version}`;
      if (held !== version) this.analyst.open(doc, version, file, open.getText());
      return undefined;
    }
    if (held?.startsWith('disk:')) return undefined;
    try {
      const decoded = decodeLedgerBytes(await vscode.workspace.fs.readFile(uri));
      if ('error' in decoded) return { error: String(decoded.error) };
      this.analyst.open(doc, `disk:${Date.now()}`, file, decoded.text);
      return undefined;
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Aggregates every ledger in scope; unchanged files are answered from the analyses' cache. */
  async model(): Promise<ChartModel> {
    const labels = this.labels();
    const uris = await this.files();
    const bars: ChartModel['bars'] = [];
    const asOfs = new Set<string>();
    const skipped: ChartModel['skipped'] = [];
    const files = new Map<string, vscode.Uri>();
    const modes: string[] = [];
    for (const uri of uris) {
      const file = vscode.workspace.asRelativePath(uri);
      const failed = await this.sync(uri, file);
      if (failed) {
        skipped.push({ file, reason: labels.unreadable(failed.error) });
        continue;
      }
      const reply = await this.analyst.compute(uri.toString(), {
        uncategorised: labels.uncategorised,
        undated: labels.undated,
      });
      modes.push(reply.mode);
      if (reply.mode !== 'cached') this.lastCostMs = reply.ms;
      const result = reply.result;
      if ('error' in result) {
        skipped.push({ file, reason: labels.unreadable(result.error) });
        continue;
      }
      files.set(file, uri);
      asOfs.add(result.asOf);
      bars.push(...result.bars);
    }
    this.lastFiles = files;
    this.lastModes = modes;
    const title =
      this.scope.kind === 'file'
        ? uris[0]
          ? vscode.workspace.asRelativePath(uris[0])
          : ''
        : (vscode.workspace.name ?? '');
    // Each file is judged at its own 截至 date; the heading shows it when they agree.
    const asOf = asOfs.size === 1 ? ([...asOfs][0] ?? todayIso()) : todayIso();
    return { title, asOf, bars, skipped };
  }

  analysis(): { inWorker: boolean; modes: string[] } {
    return { inWorker: this.analyst.inWorker, modes: [...this.lastModes] };
  }

  /** The ledger and rows behind a bar (or one drill-down part of it) of the last model. */
  async rowsFor(
    key: string,
    part: string | null,
    drill: ChartDrill,
  ): Promise<{ uri: vscode.Uri; rows: readonly number[] } | undefined> {
    const uri = this.lastFiles.get(key.split('\u241F')[0] ?? '');
    if (!uri) return undefined;
    const rows = await this.analyst.rows(uri.toString(), key, part, drill);
    return rows ? { uri, rows } : undefined;
  }
}
