import type { BigNumber } from 'mathjs';
import type { Bilingual } from '../diagnostics';
import type { Fen, Rounding, Unit } from '../money';

export type ErrorCode =
  '#REF!' | '#DIV/0!' | '#NAME?' | '#CYCLE!' | '#VALUE!' | '#NUM!' | '#ERROR!';

export interface CellAddress {
  row: number;
  col: number;
}

/**
 * A cell's computed value as the grid, validation and chart see it.
 * Numbers are exact decimals in the cell's own unit; amount cells also carry `fen`.
 */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: string; fen?: Fen }
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; code: ErrorCode; message: Bilingual; origin: CellAddress };

/** How the engine reads a cell: an amount in a unit, a plain number (counts, rates), or text. */
export type CellType = Unit | 'number' | 'text';

/**
 * What the engine needs from a sheet. Rows and columns are 0-based; row 0 is the header.
 * The sheet must already hold the new text when `FormulaEngine.setCell` is called.
 */
export interface SheetSource {
  readonly rowCount: number;
  readonly colCount: number;
  raw(row: number, col: number): string;
  /** Formulas are evaluated only in amount and number cells; in text cells `=…` stays text. */
  cellType(row: number, col: number): CellType;
  /** Header name or alias → column, for `{ID:金额}` references. */
  columnIndex(name: string): number | undefined;
  /** Row id → row, for `{ID}` references. */
  rowIndex(id: string): number | undefined;
  /** Total and subtotal rows are left out of whole-column ranges such as `G:G`. */
  isTotalRow?(row: number): boolean;
}

export interface EngineOptions {
  /** Rounding of formula results to fen and of ROUND() (default half-up, 四舍五入). */
  rounding?: Rounding;
  /** Work units (AST nodes + cells read) one formula may spend per evaluation. */
  stepBudget?: number;
}

/** An error value inside the engine; never thrown, carried like any other value. */
export class ErrVal {
  constructor(
    readonly code: ErrorCode,
    readonly message: Bilingual,
    readonly origin: CellAddress,
  ) {}
}

/** A stored cell value: fen for amounts, BigNumber for plain numbers, null for empty. */
export type Stored = bigint | BigNumber | string | boolean | null | ErrVal;
