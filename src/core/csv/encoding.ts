// Ledger bytes <-> text. UTF-8 (with or without BOM) is tried first and strictly; then GB18030
// (what Excel and WPS write on Chinese Windows, a superset of GBK); anything else is a clear error,
// never mojibake. Decoding is native (TextDecoder with fatal: true); encoding GB18030 needs
// iconv-lite because TextEncoder only writes UTF-8.
//
// The returned text never contains the BOM — that matches VS Code's TextDocument, so offsets, lines
// and columns agree between the editor and the CLI; `bom` says whether to write it back.

import iconv from 'iconv-lite';

export type LedgerEncoding = 'utf-8' | 'gb18030';

export interface DecodedLedger {
  text: string;
  encoding: LedgerEncoding;
  bom: boolean;
  /**
   * encodeLedgerText(text, encoding, bom) gives back exactly these bytes. Always true for UTF-8;
   * for GB18030 a few legacy byte sequences decode to characters that encode differently, and then
   * the file must not be rewritten without warning the user.
   */
  exactRoundTrip: boolean;
}

export type DecodeErrorCode = 'binary' | 'utf-16' | 'invalid-utf-8' | 'invalid-gb18030' | 'unknown';

export interface DecodeFailure {
  error: string;
  code: DecodeErrorCode;
  /** Byte offset of the first undecodable byte, when known. */
  byteOffset?: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const GB18030_BOM = [0x84, 0x31, 0x95, 0x33];

export function decodeLedgerBytes(
  bytes: Uint8Array,
  forced?: LedgerEncoding,
): DecodedLedger | DecodeFailure {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return {
      code: 'utf-16',
      error:
        'The file is UTF-16; save it as UTF-8 (or GB18030) CSV. 文件为 UTF-16 编码，请另存为 UTF-8 CSV。',
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      code: 'binary',
      byteOffset: nul,
      error: `The file contains a NUL byte at byte ${nul}: it is binary (or UTF-16), not a CSV ledger. 文件含有 NUL 字节，不是 CSV 台账。`,
    };
  }
  if (forced !== 'gb18030') {
    const bom = startsWith(bytes, UTF8_BOM);
    const text = tryDecode('utf-8', bom ? bytes.subarray(3) : bytes);
    if (text !== undefined) return { text, encoding: 'utf-8', bom, exactRoundTrip: true };
    if (forced === 'utf-8' || bom) {
      const at = firstInvalidUtf8(bytes);
      return {
        code: 'invalid-utf-8',
        byteOffset: at,
        error: `Invalid UTF-8 at byte ${at} (line ${lineOfByte(bytes, at)}). 第 ${lineOfByte(bytes, at)} 行含有无效的 UTF-8 字节。`,
      };
    }
  }
  const bom = startsWith(bytes, GB18030_BOM);
  const body = bom ? bytes.subarray(4) : bytes;
  const text = tryDecode('gb18030', body);
  if (text !== undefined) {
    const exactRoundTrip = sameBytes(iconv.encode(text, 'gb18030'), body);
    return { text, encoding: 'gb18030', bom, exactRoundTrip };
  }
  if (forced === 'gb18030') {
    return {
      code: 'invalid-gb18030',
      error: 'The file is not valid GB18030 text. 文件不是有效的 GB18030 文本。',
    };
  }
  const at = firstInvalidUtf8(bytes);
  return {
    code: 'unknown',
    byteOffset: at,
    error: `The file is neither UTF-8 nor GB18030 (first bad byte ${at}, line ${lineOfByte(bytes, at)}); save it as UTF-8 CSV. 文件既不是 UTF-8 也不是 GB18030 编码，请另存为 UTF-8 CSV。`,
  };
}

export function encodeLedgerText(text: string, encoding: LedgerEncoding, bom: boolean): Uint8Array {
  const body =
    encoding === 'utf-8'
      ? new TextEncoder().encode(text)
      : new Uint8Array(iconv.encode(text, 'gb18030'));
  if (!bom) return body;
  const mark = encoding === 'utf-8' ? UTF8_BOM : GB18030_BOM;
  const out = new Uint8Array(mark.length + body.length);
  out.set(mark, 0);
  out.set(body, mark.length);
  return out;
}

function tryDecode(label: LedgerEncoding, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the BOM was already removed; a second U+FEFF is content and must be kept.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Only called after a failed strict decode, to point the user at the first bad byte. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
