import {
  ArraySheet,
  FormulaEngine,
  type CellType,
  type CellValue,
} from '../../../src/core/formula';

/**
 * A small ledger: A id, B fund, C category, D amount (元), E amount (万元), F count (number).
 * `rows` are data rows; formulas are typed into any cell.
 */
export function ledger(
  rows: string[][],
  opts: { totals?: number[]; rounding?: 'half-up' | 'half-even' } = {},
): { sheet: ArraySheet; engine: FormulaEngine } {
  const types: CellType[] = ['text', 'text', 'text', '元', '万元', 'number'];
  const header = ['编号', '资金', '类别', '金额', '金额(万元)', '人数'];
  const sheet = new ArraySheet(
    [header, ...rows.map((r) => [...r])],
    types,
    0,
    new Set(opts.totals ?? []),
    {
      amount: 3,
      金额: 3,
    },
  );
  const engine = new FormulaEngine(sheet, opts.rounding ? { rounding: opts.rounding } : {});
  return { sheet, engine };
}

/** The displayed value: number text, TRUE/FALSE, text, or the error code. */
export function shown(v: CellValue): string {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
    case 'text':
      return v.value;
    case 'bool':
      return v.value ? 'TRUE' : 'FALSE';
    case 'error':
      return v.code;
  }
}

/** Evaluates one formula typed into D2 (元) of an otherwise given sheet. */
export function evalIn(
  rows: string[][],
  formula: string,
  at: [number, number] = [1, 3],
): CellValue {
  const copy = rows.map((r) => [...r]);
  while (copy.length < at[0]) copy.push([]);
  const row = copy[at[0] - 1] ?? [];
  row[at[1]] = formula;
  copy[at[0] - 1] = row;
  return ledger(copy).engine.value(at[0], at[1]);
}
