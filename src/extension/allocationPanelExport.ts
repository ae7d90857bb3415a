// Saving chart exports. Webviews cannot write files, so the webview sends the bytes and the extension
// asks where to put them (showSaveDialog) and writes through workspace.fs (works for remote and virtual
// workspaces too).
import * as vscode from 'vscode';

export type ExportFormat = 'svg' | 'png' | 'csv';

const FILTERS: Record<ExportFormat, () => Record<string, string[]>> = {
  svg: () => ({ [vscode.l10n.t('SVG image')]: ['svg'] }),
  png: () => ({ [vscode.l10n.t('PNG image')]: ['png'] }),
  csv: () => ({ [vscode.l10n.t('CSV table')]: ['csv'] }),
};

/** The bytes written for an export: CSV gets a UTF-8 BOM so Excel on Chinese Windows does not read it as GBK. */
export function exportBytes(format: ExportFormat, data: string): Uint8Array {
  if (format === 'png') return Buffer.from(data, 'base64');
  const text = format === 'csv' ? `\uFEFF${data}` : data;
  return new TextEncoder().encode(text);
}

/** Asks for a file name next to `near` and writes the export; resolves the saved URI, or undefined if cancelled. */
export async function saveExport(
  format: ExportFormat,
  data: string,
  near: vscode.Uri | undefined,
  baseName: string,
  chosen?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const folder = near
    ? vscode.Uri.joinPath(near, '..')
    : vscode.workspace.workspaceFolders?.[0]?.uri;
  const suggested = `${baseName}.${format}`;
  const target =
    chosen ??
    (await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, suggested) } : {}),
      filters: FILTERS[format](),
      title: vscode.l10n.t('Export allocation chart'),
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, exportBytes(format, data));
  return target;
}
