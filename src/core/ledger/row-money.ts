import { parseAmount } from '../money/parse';
import type { Unit } from '../money/units';
import type { LedgerFacts } from './facts';
import { hasDdePayload } from './injection';
import { MSG } from './messages';
import type { DiagnosticList } from './positions';
import { CellState, MAX_STORED_FEN } from './store';

export interface MoneyCellInput {
  row: number;
  col: number;
  role: 'amount' | 'max';
  raw: string;
  unit: Unit;
  start: number;
  end: number;
  /** Row kind needs an amount (every kind except 截至). */
  required: boolean;
  isTarget: boolean;
  colCount: number;
}

/** Reads one 金额/上限 cell into the store: exact fen, a pending formula, or a reported error. */
export function readMoneyCell(m: MoneyCellInput, f: LedgerFacts, out: DiagnosticList): void {
  const store = f.store;
  const states = m.role === 'amount' ? store.amountState : store.maxState;
  const at = { row: m.row, col: m.col };
  const trimmed = m.raw.trim();
  if (trimmed === '') {
    states[m.row] = CellState.Empty;
    if (m.role === 'amount' && m.required)
      out.add('FL-AMOUNT-MISSING', MSG.amountMissing, m.start, m.end, at);
    return;
  }
  if (m.role === 'max' && !m.isTarget)
    out.add('FL-MAX-NOT-TARGET', MSG.maxNotTarget, m.start, m.end, at);
  const c0 = trimmed.charCodeAt(0);
  if (c0 === 0x3d || c0 === 0xff1d) {
    states[m.row] = CellState.Formula;
    f.formulas.push({
      row: m.row,
      col: m.col,
      role: m.role,
      text: trimmed,
      start: m.start,
      end: m.end,
      unit: m.unit,
    });
    if (hasDdePayload(trimmed)) out.add('FL-INJECTION', MSG.injection(trimmed), m.start, m.end, at);
    return;
  }
  const parsed = parseAmount(m.raw, m.unit);
  if (parsed.ok && parsed.fen <= MAX_STORED_FEN && parsed.fen >= -MAX_STORED_FEN) {
    states[m.row] = CellState.Number;
    store.setFen(m.role, m.row, parsed.fen);
    return;
  }
  states[m.row] = CellState.Invalid;
  f.sideCells.set(m.row * m.colCount + m.col, m.raw);
  if (parsed.ok) out.add('FL-AMOUNT-NOT-NUMBER', MSG.amountTooLarge, m.start, m.end, at);
  else out.add(parsed.code, parsed.message, m.start, m.end, at);
}
