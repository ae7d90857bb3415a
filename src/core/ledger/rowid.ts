/** Crockford base32: no I, L, O or U, so ids read back unambiguously when typed or spoken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 8;

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  // Web Crypto exists in Node 20, VS Code's extension host and every webview.
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/**
 * A fresh row id `<prefix>-<8 random base32 chars>` (40 random bits) that is not in `existingIds`.
 * Random rather than "max + 1" so two people inserting rows in two branches at the same time do not
 * both create `QF-0042`, which the three-way merge would then have to treat as a conflict.
 */
export function newRowId(existingIds: { has(id: string): boolean }, prefix = 'R'): string {
  const cleanPrefix = prefix.normalize('NFKC').replace(/[^\p{L}\p{N}_]/gu, '') || 'R';
  for (;;) {
    const bytes = randomBytes(RANDOM_CHARS);
    let suffix = '';
    for (const b of bytes) suffix += ALPHABET[b & 31];
    const id = `${cleanPrefix}-${suffix}`;
    if (!existingIds.has(id)) return id;
  }
}

/**
 * The prefix to use for a row inserted next to `neighbourId`: the part before the last `-`
 * (`QF-7K3M9P2X` → `QF`), so ids of a fund stay grouped in sorts and diffs.
 */
export function rowIdPrefix(neighbourId: string | undefined): string {
  if (!neighbourId) return 'R';
  const dash = neighbourId.lastIndexOf('-');
  return dash > 0 ? neighbourId.slice(0, dash) : neighbourId.replace(/\d+$/, '') || 'R';
}
