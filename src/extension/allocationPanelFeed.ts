// The chart's data feed: which ledgers are in scope, their current text (open TextDocuments first,
// so unsaved edits count), the core aggregation per file (cached by document version), and a
// debounced "changed" signal on edits, saves and files appearing or vanishing on disk.
import * as vscode from 'vscode';
import { decodeLedgerBytes } from '../core/csv/encoding';
import type { ChartModel, ChartScopeKind } from '../shared/protocol';
import { aggregateLedger, type Aggregated } from './allocationPanelSource';
import type { FileBars } from './allocationPanelModel';
import { todayIso } from '../core/ledger/period';

export const LEDGER_GLOB = '**/*.ledger.csv';
/** Typing in the grid fires a change per keystroke commit; one recompute per pause is enough. */
export const DEBOUNCE_MS = 250;
/** Upper bound of the adaptive wait (see `changed`). */
const MAX_WAIT_MS = 10_000;

interface Cached {
  version: string;
  result: Aggregated | { error: string };
}

export interface FeedScope {
  kind: ChartScopeKind;
  /** The ledger in file scope. */
  uri: vscode.Uri | undefined;
}

export class ChartFeed implements vscode.Disposable {
  private readonly cache = new Map<string, Cached>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Milliseconds the last aggregation took (a 1M-row ledger takes seconds). */
  private lastCostMs = 0;
  /** Row lookup of the last model, by bar key. */
  private lastFiles = new Map<string, { uri: vscode.Uri; bars: FileBars }>();

  constructor(
    public scope: FeedScope,
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
        if (e.contentChanges.length > 0 && this.inScope(e.document.uri)) this.changed();
      }),
      // Closing a dirty document drops its unsaved text: the file on disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.inScope(d.uri)) this.changed(d.uri);
      }),
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private inScope(uri: vscode.Uri): boolean {
    if (this.scope.kind === 'file') return uri.toString() === this.scope.uri?.toString();
    return (
      uri.path.endsWith('.ledger.csv') && vscode.workspace.getWorkspaceFolder(uri) !== undefined
    );
  }

  private changed(uri?: vscode.Uri): void {
    if (uri) this.cache.delete(uri.toString());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, this.delay());
  }

  /**
   * The aggregation runs on the extension host's thread, so on a huge ledger the wait grows with its
   * cost: a pause in typing of twice the last run, so edits are not held up by a recompute per commit.
   */
  private delay(): number {
    return Math.max(DEBOUNCE_MS, Math.min(MAX_WAIT_MS, 2 * this.lastCostMs));
  }

  private async files(): Promise<vscode.Uri[]> {
    if (this.scope.kind === 'file') return this.scope.uri ? [this.scope.uri] : [];
    const found = await vscode.workspace.findFiles(LEDGER_GLOB, '**/node_modules/**');
    return found.sort((a, b) =>
      vscode.workspace.asRelativePath(a).localeCompare(vscode.workspace.asRelativePath(b)),
    );
  }

  /** Current text of a ledger and a version key: the open document's, else the bytes on disk. */
  private async read(
    uri: vscode.Uri,
  ): Promise<{ text: string; version: string } | { error: string }> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return { text: open.getText(), version: `doc:${open.version}` };
    const cached = this.cache.get(uri.toString());
    if (cached?.version.startsWith('disk:')) return { text: '', version: cached.version };
    try {
      const decoded = decodeLedgerBytes(await vscode.workspace.fs.readFile(uri));
      if ('error' in decoded) return { error: String(decoded.error) };
      return { text: decoded.text, version: `disk:${Date.now()}` };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Aggregates every ledger in scope; unchanged files come from the cache. */
  async model(): Promise<ChartModel> {
    const labels = this.labels();
    const uris = await this.files();
    const bars: ChartModel['bars'] = [];
    const asOfs = new Set<string>();
    const skipped: ChartModel['skipped'] = [];
    const files = new Map<string, { uri: vscode.Uri; bars: FileBars }>();
    for (const uri of uris) {
      const file = vscode.workspace.asRelativePath(uri);
      const source = await this.read(uri);
      if ('error' in source) {
        skipped.push({ file, reason: labels.unreadable(source.error) });
        continue;
      }
      let entry = this.cache.get(uri.toString());
      if (!entry || entry.version !== source.version) {
        const start = performance.now();
        entry = {
          version: source.version,
          result: aggregateLedger(source.text, file, labels),
        };
        this.lastCostMs = performance.now() - start;
        this.cache.set(uri.toString(), entry);
      }
      if ('error' in entry.result) {
        skipped.push({ file, reason: labels.unreadable(entry.result.error) });
        continue;
      }
      files.set(file, { uri, bars: entry.result });
      asOfs.add(entry.result.asOf);
      bars.push(...entry.result.bars);
    }
    this.lastFiles = files;
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

  /** The ledger and rows behind a bar (or one drill-down part of it) of the last model. */
  rowsFor(
    key: string,
    part: string | null,
    drill: 'none' | 'category' | 'year' | 'quarter',
  ): { uri: vscode.Uri; rows: readonly number[] } | undefined {
    for (const { uri, bars } of this.lastFiles.values()) {
      const index = bars.rows.get(key);
      if (!index) continue;
      if (part === null || drill === 'none') return { uri, rows: index.bar };
      const rows = index.parts[drill].get(part);
      return rows ? { uri, rows } : undefined;
    }
    return undefined;
  }
}
