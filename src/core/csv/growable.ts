/**
 * An append-only Uint32Array that grows by doubling, so the scanner stores offsets in 4 bytes each
 * instead of one JS number (or object) per cell.
 */
export class GrowableUint32 {
  private data: Uint32Array;
  private size = 0;

  constructor(initialCapacity: number) {
    this.data = new Uint32Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) this.grow();
    this.data[this.size++] = value;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  /**
   * The filled part. Copies when more than an eighth of the buffer is unused, so a table kept in
   * memory does not carry up to twice the space it needs.
   */
  toArray(): Uint32Array {
    if (this.size === this.data.length) return this.data;
    if (this.data.length - this.size > this.data.length >>> 3) return this.data.slice(0, this.size);
    return this.data.subarray(0, this.size);
  }

  private grow(): void {
    const next = new Uint32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}
