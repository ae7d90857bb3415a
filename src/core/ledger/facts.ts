import type { Unit } from '../money/units';
import type { Period } from './period';
import type { Kind, LedgerSchema, TargetKind } from './schema';
import { IdIndex } from './id-index';
import { RowStore, StringTable } from './store';

/** Kinds as stored in RowStore.kind; index 0 means "no or unknown kind". */
export const KIND_CODES: readonly (Kind | undefined)[] = [
  undefined,
  'target',
  'target:raised',
  'target:spent',
  'raised',
  'allocated',
  'spent',
  'base',
  'subtotal',
  'total',
  'as-of',
];
export const KIND_INDEX: ReadonlyMap<Kind, number> = new Map(
  KIND_CODES.flatMap((k, i) => (k ? [[k, i] as const] : [])),
);
export const ENTRY_CODES = { raised: 4, allocated: 5, spent: 6 } as const;
export const isEntryCode = (code: number): boolean => code >= 4 && code <= 6;

export const UNIT_CODES: readonly Unit[] = ['元', '万元', '亿元'];

export interface CellRange {
  start: number;
  end: number;
}

export interface TargetRow {
  row: number;
  kind: TargetKind;
  id: string;
  fund: number;
  category: number;
  period?: Period;
  amountCell: CellRange;
  maxCell: CellRange;
  unit: Unit;
}

export interface TotalRow {
  row: number;
  kind: 'subtotal' | 'total';
  id: string;
  fund: number;
  category: number;
  /** First row of a subtotal's block (the block ends just above the subtotal). */
  blockFrom: number;
  /** Kind code of the nearest entry above: the kind this total counts (0: none above). */
  entryKind: number;
  amountCell: CellRange;
  unit: Unit;
}

export interface FormulaCell {
  row: number;
  col: number;
  role: 'amount' | 'max';
  text: string;
  start: number;
  end: number;
  unit: Unit;
}

/** Everything validation, targets and formulas need to know about a ledger after one pass. */
export interface LedgerFacts {
  readonly file: string;
  schema: LedgerSchema;
  /** Rows including the header. */
  rowCount: number;
  readonly store: RowStore;
  readonly funds: StringTable;
  readonly categories: StringTable;
  /** Interned date, unit and period texts. */
  readonly texts: StringTable;
  readonly ids: IdIndex;
  readonly targets: TargetRow[];
  readonly totals: TotalRow[];
  readonly formulas: FormulaCell[];
  /** Raw text of cells formulas may read but the typed columns cannot hold (invalid amounts, numbers in free columns), by `row * colCount + col`. */
  readonly sideCells: Map<number, string>;
  /** The 截至 row's date, if the file declares one. */
  asOfDeclared?: string;
}

export function emptyFacts(file: string, schema: LedgerSchema): LedgerFacts {
  return {
    file,
    schema,
    rowCount: 0,
    store: new RowStore(),
    funds: new StringTable(),
    categories: new StringTable(),
    texts: new StringTable(),
    ids: new IdIndex(),
    targets: [],
    totals: [],
    formulas: [],
    sideCells: new Map(),
  };
}
