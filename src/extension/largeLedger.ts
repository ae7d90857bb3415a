// Files above VS Code's limit for extensions (50 MB of text) never reach a CustomTextEditorProvider:
// the workbench will not synchronise them, so the grid cannot edit them. This offers the next best
// thing: the same grid, read-only, fed from the file system, with a notice saying why.
import * as vscode from 'vscode';
import { decodeLedgerBytes } from '../core/csv/encoding';
import type { GridToWebview } from '../shared/protocol';
import { gridUnitSetting } from './displayUnit';
import { validateGridMessage } from './messageValidation';
import { webviewRoots, webviewShell } from './webviewHtml';

/** VS Code's limit, in UTF-16 code units: longer documents are not synchronised with extensions. */
export const EXTENSION_TEXT_LIMIT = 50 * 1024 * 1024;
export const OPEN_READ_ONLY_COMMAND = 'fundLedger.openReadOnly';

export async function openReadOnlyGrid(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  uri: vscode.Uri,
): Promise<vscode.WebviewPanel> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const panel = vscode.window.createWebviewPanel(
    'fundLedger.readOnlyGrid',
    `${name} ${vscode.l10n.t('(read-only)')}`,
    vscode.ViewColumn.Active,
    {
      enableScripts: true,
      localResourceRoots: webviewRoots(context.extensionUri),
    },
  );
  panel.webview.html = webviewShell(panel.webview, context.extensionUri, {
    script: 'grid',
    styles: ['grid.css'],
    codicons: true,
    title: name,
    lang: vscode.env.language,
  });
  panel.webview.onDidReceiveMessage(async (raw: unknown) => {
    const checked = validateGridMessage(raw);
    if (!checked.ok) {
      log.warn(`Rejected read-only grid message: ${checked.reason}`);
      return;
    }
    if (checked.message.type !== 'ready' && checked.message.type !== 'requestText') return;
    const decoded = decodeLedgerBytes(await vscode.workspace.fs.readFile(uri));
    const message: GridToWebview = {
      type: 'init',
      text: 'error' in decoded ? '' : decoded.text,
      version: 0,
      readOnly: true,
      evaluateFormulas: vscode.workspace.isTrusted,
      notice: {
        kind: 'too-large',
        message:
          'error' in decoded
            ? decoded.error
            : vscode.l10n.t(
                'This file is larger than the 50 MB VS Code lets extensions edit, so it is shown read-only. Split it (for example by year) to edit it in the grid.',
              ),
        offerText: false,
      },
      displayUnit: gridUnitSetting(),
      strings: { ...(vscode.l10n.bundle ?? {}) },
      language: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en',
    };
    void panel.webview.postMessage(message);
  });
  return panel;
}

/**
 * When a grid tab opens on a file too big for VS Code to hand us, offer the read-only grid in its place.
 * Tabs open before activation are checked too: opening a big ledger is often what activates us (the
 * `onCustomEditor` event), after its tab has opened, and VS Code then shows only "could not be opened".
 */
export function watchForLargeLedgers(viewTypes: readonly string[]): vscode.Disposable {
  const check = async (tab: vscode.Tab): Promise<void> => {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputCustom) || !viewTypes.includes(input.viewType)) return;
    if (!(await tooLargeForExtensions(input.uri))) return;
    const open = vscode.l10n.t('Open read-only');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} is larger than 50 MB, the most VS Code lets an extension edit.',
        input.uri.path.slice(input.uri.path.lastIndexOf('/') + 1),
      ),
      open,
    );
    if (choice !== open) return;
    await vscode.commands.executeCommand(OPEN_READ_ONLY_COMMAND, input.uri);
    // The grid tab can only show VS Code's error: the read-only grid replaces it.
    const failed = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter(
        (t) =>
          t.input instanceof vscode.TabInputCustom &&
          t.input.viewType === input.viewType &&
          t.input.uri.toString() === input.uri.toString(),
      );
    if (failed.length > 0) await vscode.window.tabGroups.close(failed);
  };
  for (const tab of vscode.window.tabGroups.all.flatMap((group) => group.tabs)) void check(tab);
  return vscode.window.tabGroups.onDidChangeTabs((e) => {
    for (const tab of e.opened) void check(tab);
  });
}

/**
 * VS Code's limit is on the text's length in UTF-16 code units, not on bytes: a Chinese ledger of 100 MB
 * of UTF-8 holds fewer than 50 M units and opens in the grid as usual. The size is a cheap first test
 * (decoding never makes more units than bytes); only above it is the file decoded to count.
 */
async function tooLargeForExtensions(uri: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size <= EXTENSION_TEXT_LIMIT) return false;
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder('utf-8').decode(bytes).length > EXTENSION_TEXT_LIMIT;
  } catch {
    return false;
  }
}
