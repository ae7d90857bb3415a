// The formula engine's view of a ledger, served from the typed row store, so the CLI can evaluate
// formulas in a file it never holds in memory as a whole. What formulas can read: every money cell,
// the id/fund/category/kind/date/unit/period cells, and numbers in free columns (a 人数 column);
// other free text reads as empty text (docs/ledger-format.md "Formulas").
import type { CellType, SheetSource } from '../formula/types';
import { formatAmount } from '../money/format';
import { KIND_CODES, UNIT_CODES, type LedgerFacts } from './facts';
import { kindLabel, normalizeName, resolveHeader, type ColumnRole, type Kind } from './schema';
import { CellState } from './store';

export class FactsSheet implements SheetSource {
  private readonly roles: (ColumnRole | 'extra')[];
  private readonly formulaText = new Map<number, string>();
  private readonly names = new Map<string, number>();

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
        return s.ids[row] ?? '';
      case 'fund':
        return f.funds.get(s.fund[row] ?? 0);
      case 'category':
        return f.categories.get(s.category[row] ?? 0);
      case 'kind': {
        const k = KIND_CODES[s.kind[row] ?? 0] as Kind | undefined;
        return k ? kindLabel(k, 'zh') : '';
      }
      case 'date':
        return f.texts.get(s.dateText[row] ?? 0);
      case 'unit':
        return f.texts.get(s.unitText[row] ?? 0);
      case 'period':
        return f.texts.get(s.periodText[row] ?? 0);
      default:
        return f.sideCells.get(row * this.colCount + col) ?? '';
    }
  }

  private money(row: number, col: number): string {
    const s = this.facts.store;
    const isAmount = this.roles[col] === 'amount';
    const state = (isAmount ? s.amountState : s.maxState)[row] ?? CellState.Empty;
    const key = row * this.colCount + col;
    if (state === CellState.Formula) return this.formulaText.get(key) ?? '';
    if (state === CellState.Invalid) return this.facts.sideCells.get(key) ?? '';
    if (state === CellState.Empty) return '';
    const fen = (isAmount ? s.amount : s.max)[row] ?? 0n;
    const unit = this.cellType(row, col);
    return formatAmount(fen, unit === 'number' || unit === 'text' ? '元' : unit, {
      grouping: false,
    });
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
      return this.facts.sideCells.has(row * this.colCount + col) ? 'number' : 'text';
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
