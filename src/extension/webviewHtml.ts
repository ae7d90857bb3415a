// The HTML shell every webview of this extension uses: strict CSP with a per-load nonce, one bundled
// script, stylesheets from media/, an empty body. Content is built by the script with textContent only.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The only folders a webview may load from. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [
    vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
    vscode.Uri.joinPath(extensionUri, 'media'),
  ];
}

export interface ShellOptions {
  /** Bundle name under dist/webview, e.g. `grid`. */
  script: string;
  /** Stylesheets under media/, e.g. `grid.css`. */
  styles: string[];
  /** Also load the codicon font's stylesheet (copied to dist/webview by esbuild.mjs). */
  codicons?: boolean;
  title: string;
  lang: string;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function webviewShell(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  options: ShellOptions,
): string {
  const nonce = randomBytes(18).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const asset = (...parts: string[]): string =>
    escapeAttribute(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString());
  const sheets = options.styles.map((name) => asset('media', name));
  if (options.codicons) sheets.unshift(asset('dist', 'webview', 'codicon.css'));
  const links = sheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.lang)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${links}
    <title>${escapeAttribute(options.title)}</title>
  </head>
  <body>
    <script nonce="${nonce}" src="${asset('dist', 'webview', `${options.script}.js`)}"></script>
  </body>
</html>`;
}

/** A panel in the active column showing `webviewShell`, loading only from `webviewRoots`. */
export function openShellPanel(
  extensionUri: vscode.Uri,
  viewType: string,
  shell: ShellOptions,
): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(viewType, shell.title, vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: webviewRoots(extensionUri),
  });
  panel.webview.html = webviewShell(panel.webview, extensionUri, shell);
  return panel;
}
