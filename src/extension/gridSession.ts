// One open grid: keeps its webview in step with the TextDocument and turns validated grid intents into
// minimal WorkspaceEdits. The document is the only model, so VS Code owns undo, dirty state, save and backup.
import * as vscode from 'vscode';
import type { TextEdit } from '../core/csv';
import { deleteRowsShifting, insertRowsShifting } from '../core/ledger/shift-rows';
import type {
  CellProblem,
  CellWrite,
  GridFromWebview,
  GridInit,
  GridNotice,
  GridReveal,
  GridRevealRows,
  GridToWebview,
} from '../shared/protocol';
import { tableFor } from './documentTables';
import { editsForWrites, newRows } from './gridEdits';
import { validateGridMessage } from './messageValidation';
import { gridStrings } from './gridStrings';
import { gridUnitSetting, storeDisplayUnit } from './displayUnit';
import { encodingNotice } from './documentEncoding';

/** Above this many characters `init` is preceded by a preview of the first PREVIEW_CHARS or so. */
const PREVIEW_ABOVE_CHARS = 2_000_000;
const PREVIEW_CHARS = 64 * 1024;

export interface GridSessionHooks {
  log: vscode.LogOutputChannel;
  onSelection?(
    session: GridSession,
    message: Extract<GridFromWebview, { type: 'selection' }>,
  ): void;
  /** Current validation problems for the document, sent right after `init`. */
  problems?(session: GridSession): CellProblem[];
  /** The webview has received the text (`init`). */
  sentInit?(session: GridSession): void;
}

export class GridSession implements vscode.Disposable {
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** Edits are computed and applied one at a time, each against the document as the previous left it. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Settled before the first message is handled, so no edit can slip in ahead of the check. */
  private readonly encodingChecked: Promise<void>;
  private encoding: GridNotice | null = null;

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly hooks: GridSessionHooks,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && e.contentChanges.length > 0) this.sendUpdate(e);
      }),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden a hidden webview is destroyed; it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
      }),
      // Trust changes what the grid may do (edit, evaluate formulas): start it over.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.post(this.initMessage())),
    );
    this.encodingChecked = encodingNotice(document).then(
      (notice) => {
        this.encoding = notice;
      },
      (error: unknown) => hooks.log.warn(`Encoding check failed: ${String(error)}`),
    );
  }

  /** Why the grid is read-only now (null when it may write), once the encoding check is done. */
  async notice(): Promise<GridNotice | null> {
    await this.encodingChecked;
    return this.readOnlyNotice();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  post(message: GridToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** Select and show a cell; waits for the webview if it is still loading. */
  reveal(row: number, col: number): void {
    this.postOrHold({ type: 'reveal', row, col });
  }

  /** Select whole file rows (sorted, distinct, in range); waits for the webview like `reveal`. */
  revealRows(rows: number[]): void {
    this.postOrHold({ type: 'revealRows', rows });
  }

  private postOrHold(message: GridReveal | GridRevealRows): void {
    if (this.ready) this.post(message);
    else this.pendingReveal = message;
  }

  private pendingReveal: GridReveal | GridRevealRows | undefined;

  /** The webview's last reported selection (file coordinates), for FundLedgerApi's tests. */
  lastSelection: Extract<GridFromWebview, { type: 'selection' }> | undefined;

  /** Entry point for the webview and for FundLedgerApi alike: validate, then act. Resolves false if rejected. */
  receive(raw: unknown): Promise<boolean> {
    const checked = validateGridMessage(raw);
    if (!checked.ok) {
      this.hooks.log.warn(
        `Rejected grid message for ${this.document.uri.toString()}: ${checked.reason}`,
      );
      return Promise.resolve(false);
    }
    const run = this.queue.then(() => this.handle(checked.message));
    this.queue = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      this.hooks.log.error(`Grid message ${checked.message.type} failed: ${String(error)}`);
      return false;
    });
  }

  private async handle(message: GridFromWebview): Promise<boolean> {
    await this.encodingChecked;
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        const init = this.initMessage();
        // A big text takes seconds to reach the webview (JSON through the extension host, the
        // server and the workbench): its first lines go ahead so the first screen paints meanwhile.
        if (init.text.length > PREVIEW_ABOVE_CHARS) {
          const cut = init.text.indexOf('\n', PREVIEW_CHARS);
          if (cut > 0) this.post({ ...init, text: init.text.slice(0, cut + 1), preview: true });
        }
        // Resolves once delivered: the extension host sends nothing while it is busy, so a check
        // started before that would hold the text back for as long as it runs.
        const delivered = this.panel.webview.postMessage(init);
        const problems = this.hooks.problems?.(this) ?? [];
        if (problems.length > 0) this.post({ type: 'problems', problems });
        if (this.pendingReveal) this.post(this.pendingReveal);
        this.pendingReveal = undefined;
        void Promise.resolve(delivered).then(() => this.hooks.sentInit?.(this));
        return true;
      }
      case 'editCell':
        return this.write([message]);
      case 'editCells':
        return this.write(message.cells);
      case 'insertRows':
        return this.rowEdit((t) => {
          if (message.before > t.rowCount) return undefined;
          return insertRowsShifting(t, message.before, newRows(t, message.before, message.count));
        });
      case 'deleteRows':
        return this.rowEdit((t) => {
          if (message.first + message.count > t.rowCount) return undefined;
          return deleteRowsShifting(t, message.first, message.count);
        });
      case 'undo':
      case 'redo':
        await this.focusThenRun(message.type);
        return true;
      case 'openAsText':
        await vscode.commands.executeCommand('vscode.openWith', this.document.uri, 'default');
        return true;
      case 'requestText':
        this.sendFullText();
        return true;
      case 'selection':
        this.lastSelection = message;
        this.hooks.onSelection?.(this, message);
        return true;
      case 'setDisplayUnit':
        await storeDisplayUnit(message.unit);
        return true;
    }
  }

  /** Why edits are refused right now, or null when the grid may write. */
  private readOnlyNotice(): GridNotice | null {
    if (!vscode.workspace.isTrusted) {
      return { kind: 'restricted', message: gridStrings.restricted(), offerText: false };
    }
    const table = tableFor(this.document);
    const error = table.errors[0];
    if (error) {
      return {
        kind: 'parse-error',
        message: gridStrings.parseError(error.row + 1, error.col + 1, error.code),
        offerText: true,
      };
    }
    return this.encoding;
  }

  private async write(cells: readonly CellWrite[]): Promise<boolean> {
    if (this.readOnlyNotice()) return false;
    const edits = editsForWrites(tableFor(this.document), cells);
    return this.apply(edits);
  }

  private async rowEdit(
    make: (table: ReturnType<typeof tableFor>) => TextEdit[] | undefined,
  ): Promise<boolean> {
    if (this.readOnlyNotice()) return false;
    const edits = make(tableFor(this.document));
    return edits ? this.apply(edits) : false;
  }

  private async apply(edits: readonly TextEdit[]): Promise<boolean> {
    if (edits.length === 0) return true;
    const doc = this.document;
    const workspaceEdit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      workspaceEdit.replace(
        doc.uri,
        new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)),
        e.text,
      );
    }
    return vscode.workspace.applyEdit(workspaceEdit);
  }

  /** VS Code's undo/redo act on the active editor; the grid's panel is it while the user types in it. */
  private async focusThenRun(command: 'undo' | 'redo'): Promise<void> {
    if (!this.panel.active) this.panel.reveal(undefined, false);
    await vscode.commands.executeCommand(command);
  }

  private initMessage(): GridInit {
    const notice = this.readOnlyNotice();
    return {
      type: 'init',
      text: this.document.getText(),
      version: this.document.version,
      readOnly: notice !== null,
      evaluateFormulas: vscode.workspace.isTrusted,
      notice,
      displayUnit: gridUnitSetting(),
      strings: gridStrings.webview(),
      language: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en',
    };
  }

  private sendFullText(): void {
    const notice = this.readOnlyNotice();
    this.post({
      type: 'text',
      version: this.document.version,
      text: this.document.getText(),
      readOnly: notice !== null,
      notice,
    });
  }

  private sendUpdate(e: vscode.TextDocumentChangeEvent): void {
    if (!this.ready) return;
    // The extension host applies contentChanges one after another; the grid does the same.
    const splices = e.contentChanges.map((c) => ({
      start: c.rangeOffset,
      end: c.rangeOffset + c.rangeLength,
      text: c.text,
    }));
    const notice = this.readOnlyNotice();
    this.post({
      type: 'update',
      version: this.document.version,
      splices,
      length: tableFor(this.document).text.length,
      readOnly: notice !== null,
      notice,
    });
  }
}
