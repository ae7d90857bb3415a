// Per-row facts of a ledger in typed columns, so a 1M-row file costs tens of bytes a row and no
// object per row. Indexed by 0-based file row (row 0, the header, is left empty).

export type Growable = Int32Array | Uint32Array | Uint8Array | BigInt64Array;

/** State of a money cell: what its stored fen means. */
export const CellState = { Empty: 0, Number: 1, Formula: 2, Invalid: 3 } as const;

function grow<T extends Growable>(a: T, min: number, make: (n: number) => T): T {
  if (a.length > min) return a;
  // 1.5× growth: a streamed million-row file overshoots by at most a half, not a whole.
  const next = make(Math.max(min + 1, Math.floor(a.length * 1.5)));
  (next as unknown as { set(src: T): void }).set(a);
  return next;
}

/** Interned strings (fund, category, date text…): index 0 is always the empty string. */
export class StringTable {
  private readonly ids = new Map<string, number>([['', 0]]);
  readonly values: string[] = [''];
  private lastValue = '';
  private lastId = 0;

  intern(value: string): number {
    // Neighbouring rows usually repeat the fund and category: compare before hashing.
    if (value === this.lastValue) return this.lastId;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    this.lastValue = value;
    this.lastId = id;
    return id;
  }

  lookup(value: string): number | undefined {
    return this.ids.get(value);
  }

  get(id: number): string {
    return this.values[id] ?? '';
  }
}

export class RowStore {
  size = 0;
  /** Kind index (see KIND_CODES in rows.ts), 0 when missing or unknown. */
  kind = new Uint8Array(1024);
  fund = new Uint32Array(1024);
  category = new Uint32Array(1024);
  /** Days since 1970-01-01, or NO_DAY. */
  day = new Int32Array(1024);
  amountState = new Uint8Array(1024);
  amount = new BigInt64Array(1024);
  maxState = new Uint8Array(1024);
  /** 上限 values: only target rows have one, so a sparse map beats a dense 8-byte column. */
  readonly max = new Map<number, bigint>();
  /** Unit index (0 元, 1 万元, 2 亿元) of the row's money cells without a per-cell unit. */
  unit = new Uint8Array(1024);
  /** Ranges of the fund and category cells, for problems only known at the end (unknown fund). */
  fundStart = new Uint32Array(1024);
  fundEnd = new Uint32Array(1024);
  categoryStart = new Uint32Array(1024);
  categoryEnd = new Uint32Array(1024);
  /** Interned raw text of date cells that are not plain ISO dates, for formulas that read them. */
  dateText = new Uint32Array(1024);
  /** Interned unit and period texts of the (few) rows that have one. */
  readonly unitText = new Map<number, number>();
  readonly periodText = new Map<number, number>();
  /** Offset of each row's first character, to name a row's line in later messages. */
  rowStart = new Uint32Array(1024);

  fen(role: 'amount' | 'max', row: number): bigint {
    return (role === 'amount' ? this.amount[row] : this.max.get(row)) ?? 0n;
  }

  setFen(role: 'amount' | 'max', row: number, fen: bigint): void {
    if (role === 'amount') this.amount[row] = fen;
    else if (fen === 0n) this.max.delete(row);
    else this.max.set(row, fen);
  }

  /** Grows every column to hold `rows` rows at once (no doubling overshoot). */
  reserve(rows: number): void {
    if (rows > this.kind.length) {
      const size = this.size;
      this.ensure(rows - 1);
      this.size = size;
    }
  }

  /** Makes room for `row` (every column is zero-filled for new rows). */
  ensure(row: number): void {
    if (row < this.kind.length) {
      if (row >= this.size) this.size = row + 1;
      return;
    }
    this.kind = grow(this.kind, row, (n) => new Uint8Array(n));
    this.fund = grow(this.fund, row, (n) => new Uint32Array(n));
    this.category = grow(this.category, row, (n) => new Uint32Array(n));
    this.day = grow(this.day, row, (n) => new Int32Array(n));
    this.amountState = grow(this.amountState, row, (n) => new Uint8Array(n));
    this.amount = grow(this.amount, row, (n) => new BigInt64Array(n));
    this.maxState = grow(this.maxState, row, (n) => new Uint8Array(n));
    this.unit = grow(this.unit, row, (n) => new Uint8Array(n));
    this.fundStart = grow(this.fundStart, row, (n) => new Uint32Array(n));
    this.fundEnd = grow(this.fundEnd, row, (n) => new Uint32Array(n));
    this.categoryStart = grow(this.categoryStart, row, (n) => new Uint32Array(n));
    this.categoryEnd = grow(this.categoryEnd, row, (n) => new Uint32Array(n));
    this.dateText = grow(this.dateText, row, (n) => new Uint32Array(n));
    this.rowStart = grow(this.rowStart, row, (n) => new Uint32Array(n));
    this.size = row + 1;
  }
}

export const NO_DAY = -1;
export const BAD_DAY = -2;

/** Fen that fit a BigInt64Array slot: ±9.2e16 fen, about ±92 万亿元, far above any county budget. */
export const MAX_STORED_FEN = (1n << 63n) - 1n;
