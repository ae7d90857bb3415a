// "Fund Ledger: Resolve Ledger Conflicts": lists every conflict cell that `fund-ledger merge` wrote
// into a ledger, lets the user pick ours, theirs or a typed value per cell, and writes the choices
// through the TextDocument as minimal WorkspaceEdits (VS Code keeps undo, dirty state and save).
import * as vscode from 'vscode';
import { scanCsv } from '../core/csv';
import { findConflicts, resolutionEdits, type ConflictChoice } from '../core/merge/resolve';
import type { ConflictView, MergeFromWebview, MergeToWebview } from '../shared/protocol';
import { openShellPanel } from './webviewHtml';

export const RESOLVE_CONFLICTS_COMMAND = 'fundLedger.resolveConflicts';
const VIEW_TYPE = 'fundLedger.mergeConflicts';
/** A forged message cannot make the extension do unbounded work. */
const MAX_CHOICES = 100_000;
const MAX_VALUE_LENGTH = 100_000;

function language(): 'zh' | 'en' {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function conflictsIn(doc: vscode.TextDocument): ConflictView[] {
  return findConflicts(scanCsv(doc.getText())).map((c) => ({ ...c }));
}

/** Reads `mergeResolve` choices defensively; anything malformed makes the whole message rejected. */
export function parseChoices(raw: unknown): ConflictChoice[] | undefined {
  const m = raw as { type?: unknown; choices?: unknown } | null;
  if (typeof m !== 'object' || m === null || m.type !== 'mergeResolve') return undefined;
  if (!Array.isArray(m.choices) || m.choices.length > MAX_CHOICES) return undefined;
  const out: ConflictChoice[] = [];
  for (const c of m.choices as unknown[]) {
    const x = c as { row?: unknown; col?: unknown; value?: unknown; deleteRow?: unknown } | null;
    if (typeof x !== 'object' || x === null) return undefined;
    const { row, col, value, deleteRow } = x;
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 0) return undefined;
    if (typeof col !== 'number' || !Number.isInteger(col) || col < 0) return undefined;
    if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) return undefined;
    if (typeof deleteRow !== 'boolean') return undefined;
    out.push({ row, col, value, deleteRow });
  }
  return out;
}

/** Writes the choices into the document; resolves to the number of edits applied (0: nothing to do). */
export async function applyConflictChoices(
  doc: vscode.TextDocument,
  choices: readonly ConflictChoice[],
): Promise<number> {
  const edits = resolutionEdits(scanCsv(doc.getText()), choices);
  if (edits.length === 0) return 0;
  const we = new vscode.WorkspaceEdit();
  for (const e of edits)
    we.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
  return (await vscode.workspace.applyEdit(we)) ? edits.length : 0;
}

async function openDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  let uri = arg instanceof vscode.Uri ? arg : undefined;
  if (!uri) {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText)
      uri = input.uri;
  }
  uri ??= vscode.window.activeTextEditor?.document.uri;
  return uri ? vscode.workspace.openTextDocument(uri) : undefined;
}

async function resolveCommand(
  context: vscode.ExtensionContext,
  arg: unknown,
): Promise<ConflictView[] | undefined> {
  const doc = await openDocument(arg);
  if (!doc) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a ledger with merge conflicts first.'));
    return undefined;
  }
  const conflicts = conflictsIn(doc);
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (conflicts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No ledger conflicts in {0}.', name));
    return conflicts;
  }
  const title = vscode.l10n.t('Conflicts: {0}', name.split('/').pop() ?? name);
  const panel = openShellPanel(context.extensionUri, VIEW_TYPE, {
    script: 'merge',
    styles: ['diff.css'],
    title,
    lang: language() === 'zh' ? 'zh-CN' : 'en',
  });
  const send = (): void => {
    const m: MergeToWebview = {
      type: 'mergeConflicts',
      language: language(),
      file: name,
      conflicts: conflictsIn(doc),
    };
    void panel.webview.postMessage(m);
  };
  const subs = [
    panel.webview.onDidReceiveMessage(async (raw: unknown) => {
      if ((raw as Partial<MergeFromWebview> | null)?.type === 'mergeReady') return send();
      const choices = parseChoices(raw);
      if (!choices) return;
      const applied = await applyConflictChoices(doc, choices);
      if (applied > 0 && conflictsIn(doc).length === 0)
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'All conflicts in {0} are resolved: save the file, then stage it (git add).',
            name,
          ),
        );
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) send();
    }),
  ];
  panel.onDidDispose(() => subs.forEach((s) => s.dispose()));
  return conflicts;
}

export function registerMergeConflicts(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(RESOLVE_CONFLICTS_COMMAND, (arg?: unknown) =>
    resolveCommand(context, arg),
  );
}
