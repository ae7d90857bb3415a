// The one place the ledger meets the formula engine: evaluate every formula cell, store the
// results as fen, and report each formula error at its cell.
import { FormulaEngine } from '../formula/engine';
import { a1 } from '../formula/refs';
import type { CellValue, ErrorCode } from '../formula/types';
import type { Rounding } from '../money/units';
import type { LedgerCode } from './codes';
import { FactsSheet } from './facts-sheet';
import type { LedgerFacts } from './facts';
import type { DiagnosticList } from './positions';
import { CellState } from './store';

export const FORMULA_CODES: Readonly<Record<ErrorCode, LedgerCode>> = {
  '#REF!': 'FL-FORMULA-REF',
  '#DIV/0!': 'FL-FORMULA-DIV0',
  '#NAME?': 'FL-FORMULA-NAME',
  '#CYCLE!': 'FL-FORMULA-CYCLE',
  '#VALUE!': 'FL-FORMULA-VALUE',
  '#NUM!': 'FL-FORMULA-NUM',
  '#ERROR!': 'FL-FORMULA-SYNTAX',
};

/** Builds the engine only when the file has formulas: most large ledgers have none in their entries. */
export function createEngine(facts: LedgerFacts, rounding: Rounding): FormulaEngine | undefined {
  if (facts.formulas.length === 0) return undefined;
  return new FormulaEngine(new FactsSheet(facts), { rounding });
}

/** Stores one formula cell's value into the row store; reports it when it is not an amount. */
export function applyFormulaValue(
  facts: LedgerFacts,
  row: number,
  col: number,
  value: CellValue,
  out: DiagnosticList | undefined,
  range: { start: number; end: number },
): void {
  const s = facts.store;
  const isAmount = facts.schema.columns.get('amount') === col;
  const states = isAmount ? s.amountState : s.maxState;
  if (value.kind === 'number' && value.fen !== undefined) {
    states[row] = CellState.Formula;
    s.setFen(isAmount ? 'amount' : 'max', row, value.fen);
    return;
  }
  states[row] = CellState.Invalid;
  s.setFen(isAmount ? 'amount' : 'max', row, 0n);
  if (!out) return;
  if (value.kind === 'error') {
    const from =
      value.origin.row !== row || value.origin.col !== col
        ? ` (${a1(value.origin.row, value.origin.col)})`
        : '';
    out.add(
      FORMULA_CODES[value.code],
      {
        en: `${value.code} ${value.message.en}${from}`,
        zh: `${value.code} ${value.message.zh}${from}`,
      },
      range.start,
      range.end,
      { row, col },
    );
  } else {
    out.add(
      'FL-FORMULA-NOT-AMOUNT',
      { en: 'The formula does not give an amount', zh: '公式的结果不是金额' },
      range.start,
      range.end,
      { row, col },
    );
  }
}

export function evaluateFormulas(
  facts: LedgerFacts,
  rounding: Rounding,
  out: DiagnosticList,
): FormulaEngine | undefined {
  const engine = createEngine(facts, rounding);
  if (!engine) return undefined;
  for (const f of facts.formulas)
    applyFormulaValue(facts, f.row, f.col, engine.value(f.row, f.col), out, f);
  return engine;
}
