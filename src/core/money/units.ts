/** Display and entry units of a ledger; every amount is stored as exact fen whatever its unit. */
export type Unit = '元' | '万元' | '亿元';
export type Rounding = 'half-up' | 'half-even';
/** Exact amount in 分 (0.01 元); bigint so no amount is ever a binary fraction. */
export type Fen = bigint;

/** Power of ten that turns one unit into fen: 1 元 = 10^2 fen, 1 万元 = 10^6, 1 亿元 = 10^10. */
export const UNIT_FEN_EXPONENT: Readonly<Record<Unit, number>> = { 元: 2, 万元: 6, 亿元: 10 };

export const UNITS: readonly Unit[] = ['元', '万元', '亿元'];

const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 80; i++, p *= 10n) POW10.push(p);

/** 10^n as bigint; cached because the scanner and formatter call it on every amount. */
export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/**
 * Reads a unit name as written in a header, unit column or cell suffix.
 * Accepts the short forms 万 and 亿 that people type, and English yuan names.
 */
export function parseUnitName(text: string): Unit | undefined {
  switch (text.trim().toLowerCase()) {
    case '元':
    case 'yuan':
    case 'cny':
    case 'rmb':
      return '元';
    case '万':
    case '万元':
    case '10k yuan':
      return '万元';
    case '亿':
    case '亿元':
    case '100m yuan':
      return '亿元';
    default:
      return undefined;
  }
}
