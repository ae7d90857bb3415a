import { readFileSync } from 'node:fs';
import { decodeLedgerBytes, type LedgerEncoding } from '../../core/csv/encoding';

export interface LoadedLedger {
  readonly text: string;
  readonly encoding: LedgerEncoding;
  readonly bom: boolean;
}

export class LedgerReadError extends Error {}

/** Decodes ledger bytes (UTF-8 or GB18030), or throws a message naming the file. */
export function decodeOrThrow(bytes: Uint8Array, name: string): LoadedLedger {
  const d = decodeLedgerBytes(bytes);
  if ('error' in d) throw new LedgerReadError(`${name}: ${d.error}`);
  return { text: d.text, encoding: d.encoding, bom: d.bom };
}

/** Reads and decodes a ledger file; `/dev/null` (git's name for a missing side) is an empty ledger. */
export function readLedgerFile(path: string): LoadedLedger {
  if (path === '/dev/null') return { text: '', encoding: 'utf-8', bom: false };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new LedgerReadError(`${path}: ${why}`);
  }
  return decodeOrThrow(bytes, path);
}
