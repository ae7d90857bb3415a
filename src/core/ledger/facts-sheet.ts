// The formula engine's view of a ledger, served from the typed row store, so the CLI can evaluate
// formulas in a file it never holds in memory as a whole. What formulas can read: every money cell,
// the id/fund/category/kind/date/unit/period cells, and numbers in free columns (a 人数 column);
// other free text reads as empty text (docs/ledger-format.md "Formulas").
import type { CellType, SheetSource } from '../formula/types';
import { UNIT_FEN_EXPONENT } from '../money/units';
import { dateFromDayNumber } from './period';
import { KIND_CODES, UNIT_CODES, type LedgerFacts } from './facts';
import { kindLabel, normalizeName, resolveHeader, type ColumnRole, type Kind } from './schema';
import { CellState } from './store';

export class FactsSheet implements SheetSource {
  private readonly roles: (ColumnRole | 'extra')[];
  private readonly formulaText = new Map<number, string>();
  private readonly names = new Map<string, number>();
  private idsByRow: Map<number, string> | undefined;

  constructor(private readonly facts: LedgerFacts) {
    this.roles = facts.schema.headers.map((h) => h.role);
    const cols = this.colCount;
    for (const f of facts.formulas) this.formulaText.set(f.row * cols + f.col, f.text);
    facts.schema.headers.forEach((h, col) => {
      const exact = normalizeName(h.header);
      if (!this.names.has(exact)) this.names.set(exact, col);
    });
  }

  get rowCount(): number {
    return this.facts.rowCount;
  }

  get colCount(): number {
    return this.facts.schema.headers.length;
  }

  raw(row: number, col: number): string {
    const f = this.facts;
    const s = f.store;
    if (row <= 0 || row >= s.size) return '';
    switch (this.roles[col]) {
      case 'amount':
      case 'max':
        return this.money(row, col);
      case 'id':
        return this.idOf(row);
      case 'fund':
        return f.funds.get(s.fund[row] ?? 0);
      case 'category':
        return f.categories.get(s.category[row] ?? 0);
      case 'kind': {
        const k = KIND_CODES[s.kind[row] ?? 0] as Kind | undefined;
        return k ? kindLabel(k, 'zh') : '';
      }
      case 'date': {
        const t = s.dateText[row] ?? 0;
        const day = s.day[row] ?? -1;
        return t === 0 && day >= 0 ? dateFromDayNumber(day) : f.texts.get(t);
      }
      case 'unit':
        return f.texts.get(s.unitText.get(row) ?? 0);
      case 'period':
        return f.texts.get(s.periodText.get(row) ?? 0);
      default:
        return f.sideCells.size === 0 ? '' : (f.sideCells.get(row * this.colCount + col) ?? '');
    }
  }

  /** Row → id, built on first use: formulas rarely read an id cell, and the store keeps only id → row. */
  private idOf(row: number): string {
    if (!this.idsByRow) {
      this.idsByRow = new Map();
      for (const [id, r] of this.facts.ids.entries()) this.idsByRow.set(r, id);
    }
    return this.idsByRow.get(row) ?? '';
  }

  private money(row: number, col: number): string {
    const s = this.facts.store;
    const isAmount = this.roles[col] === 'amount';
    const state = (isAmount ? s.amountState : s.maxState)[row] ?? CellState.Empty;
    const key = row * this.colCount + col;
    if (state === CellState.Formula) return this.formulaText.get(key) ?? '';
    if (state === CellState.Invalid) return this.facts.sideCells.get(key) ?? '';
    if (state === CellState.Empty) return '';
    const fen = s.fen(isAmount ? 'amount' : 'max', row);
    const unit = this.cellType(row, col);
    return fenText(fen, UNIT_FEN_EXPONENT[unit === 'number' || unit === 'text' ? '元' : unit]);
  }

  cellType(row: number, col: number): CellType {
    const role = this.roles[col];
    if (role === 'amount' || role === 'max') {
      const header = this.facts.schema.headers[col]?.unit;
      if (header) return header;
      const u = this.facts.store.unit[row] ?? 0;
      return u > 0 ? (UNIT_CODES[u - 1] ?? '元') : '元';
    }
    if (role === 'extra' || role === 'description' || role === 'note')
      return this.facts.sideCells.size > 0 && this.facts.sideCells.has(row * this.colCount + col)
        ? 'number'
        : 'text';
    return 'text';
  }

  /** Exact header text first, then any alias of a role (`{QF-01:amount}` finds the 金额(万元) column). */
  columnIndex(name: string): number | undefined {
    const norm = normalizeName(name);
    const exact = this.names.get(norm);
    if (exact !== undefined) return exact;
    const role = resolveHeader(name).role;
    return role === 'extra' ? undefined : this.facts.schema.columns.get(role);
  }

  rowIndex(id: string): number | undefined {
    return this.facts.ids.get(id.trim());
  }

  isTotalRow(row: number): boolean {
    const k = this.facts.store.kind[row] ?? 0;
    return k === 8 || k === 9;
  }
}

/** `fen / 10^exp` as a plain decimal (what parseAmount reads back to the same fen); no grouping. */
export function fenText(fen: bigint, exp: number): string {
  const neg = fen < 0n;
  let digits = (neg ? -fen : fen).toString();
  if (digits.length <= exp) digits = '0'.repeat(exp - digits.length + 1) + digits;
  const text = `${digits.slice(0, digits.length - exp)}.${digits.slice(digits.length - exp)}`;
  return neg ? '-' + text : text;
}
