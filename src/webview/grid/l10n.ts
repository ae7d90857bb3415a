// Webview UI text: English source strings translated with the bundle the extension sends in `init`
// (the same l10n/bundle.l10n.*.json that vscode.l10n uses).
let bundle: Record<string, string> = {};

export function setBundle(strings: Record<string, string>): void {
  bundle = strings;
}

export function t(message: string, ...args: (string | number)[]): string {
  const template = bundle[message] ?? message;
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
