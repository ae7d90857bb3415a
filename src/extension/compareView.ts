// "Fund Ledger: Compare with HEAD" / "Compare with Revision…": the current ledger (unsaved edits
// included) against an older version from git, shown as a grid diff. Everything is computed by
// src/core/diff; the webview only renders the model as text.
import * as vscode from 'vscode';
import { decodeLedgerBytes } from '../core/csv/encoding';
import { compareTexts, type Comparison } from '../core/diff/compare';
import type { DiffFromWebview, DiffToWebview, DiffViewModel } from '../shared/protocol';
import { readAtRevision, revisionChoices } from './compareGit';
import { openShellPanel } from './webviewHtml';

export const COMPARE_HEAD_COMMAND = 'fundLedger.compareWithHead';
export const COMPARE_REVISION_COMMAND = 'fundLedger.compareWithRevision';
const VIEW_TYPE = 'fundLedger.diff';
/** More rows than this are summarised, not rendered: a review needs the first screens, not 100k rows. */
const MAX_VIEW_ROWS = 5000;

function language(): 'zh' | 'en' {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The ledger to compare: the command's argument (Explorer, editor title) or the active tab. */
function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText)
    return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** What the user sees now: the open document's text (with unsaved edits), else the file on disk. */
async function currentText(uri: vscode.Uri): Promise<string> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc) return doc.getText();
  const d = decodeLedgerBytes(await vscode.workspace.fs.readFile(uri));
  if ('error' in d) throw new Error(d.error);
  return d.text;
}

export function toViewModel(c: Comparison, lang: 'zh' | 'en'): DiffViewModel {
  const { diff } = c;
  const rows = diff.rows.slice(0, MAX_VIEW_ROWS).map((r) => {
    const values =
      r.kind === 'removed'
        ? diff.newHeader.map((h) => {
            const oc = diff.oldHeader.indexOf(h);
            return oc >= 0 ? (r.values?.[oc] ?? '') : '';
          })
        : [...(r.values ?? [])];
    return {
      kind: r.kind,
      oldRow: r.oldRow ?? null,
      newRow: r.newRow ?? null,
      id: r.id,
      moved: r.moved,
      values,
      cells: r.cells.map((x) => ({ newCol: x.newCol, old: x.old, new: x.new })),
    };
  });
  const s = diff.stats;
  return {
    oldName: c.oldName,
    newName: c.newName,
    matchedBy: diff.matchedBy,
    header: [...diff.newHeader],
    columns: diff.columns.map((x) =>
      x.kind === 'renamed'
        ? `${x.kind}: ${x.oldName ?? ''} → ${x.newName ?? ''}`
        : `${x.kind}: ${x.newName ?? x.oldName ?? ''}`,
    ),
    rows,
    omittedRows: Math.max(0, diff.rows.length - MAX_VIEW_ROWS),
    summary: {
      changed: s.changed,
      added: s.added,
      removed: s.removed,
      moved: s.moved,
      unchanged: s.unchanged,
      cells: s.cellsChanged,
    },
    funds: c.funds.map((f) => (lang === 'zh' ? f.message.zh : f.message.en)),
  };
}

/**
 * Opens the diff view; resolves to the model it shows (the command's return value, which the
 * extension-host tests read), or undefined when the user cancelled or it failed (a message is shown).
 */
async function compare(
  context: vscode.ExtensionContext,
  arg: unknown,
  ref: string | undefined,
): Promise<DiffViewModel | undefined> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a ledger to compare first.'));
    return undefined;
  }
  const rev = ref ?? (await pickRevision(uri));
  if (rev === undefined) return undefined;
  const name = vscode.workspace.asRelativePath(uri);
  try {
    const [oldText, newText] = await Promise.all([readAtRevision(uri, rev), currentText(uri)]);
    const model = toViewModel(compareTexts(`${rev}:${name}`, oldText, name, newText), language());
    showPanel(context, uri, rev, model);
    return model;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Cannot compare with {0}: {1}', rev, message),
    );
    return undefined;
  }
}

async function pickRevision(uri: vscode.Uri): Promise<string | undefined> {
  const typeOwn = vscode.l10n.t('Enter a branch, tag or commit…');
  const items = [
    { label: 'HEAD', description: vscode.l10n.t('last commit'), ref: 'HEAD' },
    ...(await revisionChoices(uri)),
    { label: typeOwn, description: '', ref: '' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Compare ledger with revision'),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.ref !== '') return picked.ref;
  const typed = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Git revision (branch, tag, commit, HEAD~2, …)'),
  });
  return typed?.trim() || undefined;
}

function showPanel(
  context: vscode.ExtensionContext,
  uri: vscode.Uri,
  rev: string,
  model: DiffViewModel,
): void {
  const title = `${vscode.workspace.asRelativePath(uri).split('/').pop() ?? ''} ↔ ${rev}`;
  const panel = openShellPanel(context.extensionUri, VIEW_TYPE, {
    script: 'diff',
    styles: ['diff.css'],
    title,
    lang: language() === 'zh' ? 'zh-CN' : 'en',
  });
  const send = (m: DiffToWebview): void => void panel.webview.postMessage(m);
  panel.webview.onDidReceiveMessage((raw: unknown) => {
    const m = raw as Partial<DiffFromWebview> | null;
    if (m?.type === 'diffReady') send({ type: 'diffInit', language: language(), model });
    else if (m?.type === 'diffReveal') {
      const row = (raw as { row?: unknown }).row;
      if (typeof row === 'number' && Number.isInteger(row) && row >= 0)
        void vscode.commands.executeCommand('fundLedger.revealCell', uri, row, 0);
    }
  });
}

export function registerCompare(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMPARE_HEAD_COMMAND, (arg?: unknown, ref?: unknown) =>
      compare(context, arg, typeof ref === 'string' ? ref : 'HEAD'),
    ),
    vscode.commands.registerCommand(COMPARE_REVISION_COMMAND, (arg?: unknown, ref?: unknown) =>
      compare(context, arg, typeof ref === 'string' ? ref : undefined),
    ),
  );
}
