// The only message types exchanged between the extension and its webviews: one union per direction, keyed on `type`.
// Each view adds its messages here; both sides import from this module so a renamed field fails to compile on both.

/** Messages the extension sends to a webview. */
export type ToWebview =
  { type: 'init'; text: string; readOnly: boolean } | { type: 'update'; text: string };

/** Messages a webview sends to the extension. Validate with `isFromWebview` before acting on one. */
export type FromWebview =
  { type: 'ready' } | { type: 'editCell'; row: number; col: number; value: string };
