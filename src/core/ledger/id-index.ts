/**
 * Row ids → rows for a million rows without a million-entry Map: the ids' characters live in one
 * growable Uint16Array and an open-addressing table of entry numbers finds them by hash. Exact:
 * a hash match is confirmed character by character. About 2 bytes a character plus 20 bytes an id,
 * against ~80 bytes an entry for a JS Map of strings, and no rehash of string keys when it grows.
 */
export class IdIndex {
  private chars = new Uint16Array(1 << 16);
  private charCount = 0;
  /** Entry e: characters [starts[e], starts[e+1]); its row in rows[e]; its hash in hashes[e]. */
  private starts = new Uint32Array(1 << 12);
  private rows = new Uint32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  private count = 0;
  /** Entry number + 1 per slot (0 = empty); kept at most half full. */
  private table = new Int32Array(1 << 13);

  get size(): number {
    return this.count;
  }

  /** The row of `id`, or undefined. */
  get(id: string): number | undefined {
    const e = this.find(id, hash(id));
    return e < 0 ? undefined : this.rows[e];
  }

  /** Adds `id` for `row` unless present; returns the row it already had, or undefined when added. */
  add(id: string, row: number): number | undefined {
    const h = hash(id);
    const e = this.find(id, h);
    if (e >= 0) return this.rows[e];
    this.insert(id, h, row);
    return undefined;
  }

  /** Every (id, row) pair, in insertion order. */
  *entries(): Generator<[string, number]> {
    for (let e = 0; e < this.count; e++) yield [this.idAt(e), this.rows[e] as number];
  }

  private idAt(e: number): string {
    const start = this.starts[e] as number;
    const end = e + 1 < this.count ? (this.starts[e + 1] as number) : this.charCount;
    let out = '';
    for (let i = start; i < end; i += 4096)
      out += String.fromCharCode(...this.chars.subarray(i, Math.min(end, i + 4096)));
    return out;
  }

  private find(id: string, h: number): number {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = this.table[slot] as number;
      if (v === 0) return -1;
      const e = v - 1;
      if (this.hashes[e] === h && this.equals(e, id)) return e;
    }
  }

  private equals(e: number, id: string): boolean {
    const start = this.starts[e] as number;
    const end = e + 1 < this.count ? (this.starts[e + 1] as number) : this.charCount;
    if (end - start !== id.length) return false;
    for (let i = 0; i < id.length; i++)
      if (this.chars[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private insert(id: string, h: number, row: number): void {
    if (this.charCount + id.length > this.chars.length) {
      const next = new Uint16Array(
        Math.max(Math.floor(this.chars.length * 1.5), this.charCount + id.length),
      );
      next.set(this.chars);
      this.chars = next;
    }
    for (let i = 0; i < id.length; i++) this.chars[this.charCount + i] = id.charCodeAt(i);
    if (this.count === this.starts.length) {
      const n = this.count * 2;
      this.starts = copy(this.starts, n);
      this.rows = copy(this.rows, n);
      this.hashes = copy(this.hashes, n);
    }
    const e = this.count++;
    this.starts[e] = this.charCount;
    this.rows[e] = row;
    this.hashes[e] = h;
    this.charCount += id.length;
    if (this.count * 2 > this.table.length) this.rehash();
    else this.place(e);
  }

  private place(e: number): void {
    const mask = this.table.length - 1;
    let slot = (this.hashes[e] as number) & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = e + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    for (let e = 0; e < this.count; e++) this.place(e);
  }
}

function copy(a: Uint32Array, n: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(n);
  next.set(a);
  return next;
}

/** FNV-1a over UTF-16 code units, then a final mix so linear probing sees spread-out slots. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
