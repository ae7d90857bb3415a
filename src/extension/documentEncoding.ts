// Whether the grid may write a document, judged by the bytes on disk. VS Code decodes the file with
// `files.encoding` (UTF-8 unless the user chose otherwise) and encodes it the same way on save, so
// a GB18030 ledger opened as UTF-8 shows U+FFFD where its Chinese was, and any save would replace
// those bytes for good; and a GB18030 file whose bytes do not survive decode → encode (the core's
// `exactRoundTrip: false`) would change bytes the user never touched. Both open read-only, with
// the reason, before anything can change (issue #7).
import * as vscode from 'vscode';
import { decodeLedgerBytes } from '../core/csv/encoding';
import type { GridNotice } from '../shared/protocol';

const NOT_A_FILE = new Set(['untitled', 'vscode-notebook-cell', 'git', 'output']);

export async function encodingNotice(document: vscode.TextDocument): Promise<GridNotice | null> {
  const text = document.getText();
  // Pure ASCII text is the same bytes in UTF-8 and GB18030: nothing to check, no read.
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text) || NOT_A_FILE.has(document.uri.scheme)) return null;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(document.uri);
  } catch {
    return null;
  }
  const decoded = decodeLedgerBytes(bytes);
  if ('error' in decoded) {
    // VS Code reads and writes UTF-16 (by its BOM) itself.
    if (decoded.code === 'utf-16') return null;
    // VS Code showed these bytes somehow; writing the shown text back would not give them back.
    return { kind: 'encoding', message: unreadable(decoded.error), offerText: true };
  }
  if (decoded.encoding !== 'gb18030') return null;
  if (text.includes('\uFFFD') && !decoded.text.includes('\uFFFD'))
    return { kind: 'encoding', message: openedAsOther(), offerText: false };
  if (!decoded.exactRoundTrip) return { kind: 'encoding', message: notExact(), offerText: true };
  return null;
}

const unreadable = (reason: string): string =>
  vscode.l10n.t(
    'This file is not UTF-8 or GB18030 text ({0}). It is shown read-only so that saving cannot change its bytes.',
    reason,
  );

const openedAsOther = (): string =>
  vscode.l10n.t(
    'This file is GB18030 (Chinese Windows) text, but VS Code read it with another encoding (files.encoding), so saving would corrupt its Chinese text. It is shown read-only. Set "files.encoding": "gb18030" (or "files.autoGuessEncoding": true) and open it again to edit it.',
  );

const notExact = (): string =>
  vscode.l10n.t(
    'This GB18030 file contains byte sequences that would not be written back the same way, so editing it could change characters you did not touch. It is shown read-only; save it as UTF-8 CSV to edit it in the grid.',
  );
