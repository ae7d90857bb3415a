import type { BlockCache } from './aggregates';
import type { Compiled } from './compile';
import { evaluateScalar, type BoundRef } from './evaluate';
import { normaliseResult, unitExponent } from './cell-values';
import { cellKey, type Registration } from './graph';
import { a1, lettersFromColumn } from './refs';
import { ErrVal, type CellType, type SheetSource, type Stored } from './types';
import { BudgetExceeded, RangeVal, type EvalContext } from './values';
import type { Rounding } from '../money';

/** A formula cell as the engine holds it: compiled once, bound to the sheet, with its caches. */
export interface FormulaCell {
  row: number;
  col: number;
  type: CellType;
  compiled: Compiled;
  bound: BoundRef[];
  reg: Registration;
  /** Row ids this formula looked up, and the rows they resolved to, for re-binding on id edits. */
  ids: string[];
  idRows: number[];
  wholeColumn: boolean;
  caches: Map<object, BlockCache[]>;
}

export function createFormulaCell(
  sheet: SheetSource,
  row: number,
  col: number,
  compiled: Compiled,
): FormulaCell {
  const cell: FormulaCell = {
    row,
    col,
    type: sheet.cellType(row, col),
    compiled,
    bound: [],
    reg: { cells: [], ranges: [] },
    ids: [],
    idRows: [],
    wholeColumn: false,
    caches: new Map(),
  };
  bind(sheet, cell);
  return cell;
}

/** True when every `{id}` of the formula still names the row it was bound to: no re-binding needed. */
export function idsStillResolve(sheet: SheetSource, cell: FormulaCell): boolean {
  if (!cell.compiled.ok) return true;
  let k = 0;
  for (const ref of cell.compiled.refs) {
    if (ref.kind !== 'id' || ref.id === '') continue;
    const now = sheet.rowIndex(ref.id);
    const bound = cell.bound[cell.compiled.refs.indexOf(ref)];
    if (
      now === undefined
        ? bound?.kind !== 'error'
        : bound?.kind === 'error' || cell.idRows[k++] !== now
    )
      return false;
  }
  return true;
}

function bind(sheet: SheetSource, cell: FormulaCell): void {
  if (!cell.compiled.ok) return;
  const { rowCount, colCount } = sheet;
  const self = { row: cell.row, col: cell.col };
  const refError = (en: string, zh: string): BoundRef => ({
    kind: 'error',
    error: new ErrVal('#REF!', { en, zh }, self),
  });
  const single = (row: number, col: number): BoundRef => {
    if (row < 0 || row >= rowCount || col < 0 || col >= colCount)
      return refError(`${a1(row, col)} is outside the sheet`, `${a1(row, col)} 超出表格范围`);
    cell.reg.cells.push(cellKey(row, col));
    return { kind: 'cell', row, col };
  };
  for (const ref of cell.compiled.refs) {
    if (ref.kind === 'cell') cell.bound.push(single(ref.row, ref.col));
    else if (ref.kind === 'range' || ref.kind === 'columns') {
      const whole = ref.kind === 'columns';
      const r1 = whole ? 1 : ref.r1;
      const r2 = whole ? rowCount - 1 : Math.min(ref.r2, rowCount - 1);
      if (ref.c2 >= colCount) {
        cell.bound.push(
          refError(
            `column ${lettersFromColumn(ref.c2)} is outside the sheet`,
            `列 ${lettersFromColumn(ref.c2)} 超出表格范围`,
          ),
        );
        continue;
      }
      for (let c = ref.c1; c <= ref.c2; c++)
        cell.reg.ranges.push({ col: c, r1, r2, skipTotals: whole });
      cell.wholeColumn ||= whole;
      cell.bound.push({
        kind: 'range',
        range: new RangeVal(
          r1,
          ref.c1,
          Math.max(r2, r1 - 1),
          ref.c2,
          whole,
          whole ? cell.row : -1,
          whole ? cell.col : -1,
        ),
      });
    } else {
      if (ref.id !== '') cell.ids.push(ref.id);
      const row = ref.id === '' ? cell.row : sheet.rowIndex(ref.id);
      const col = ref.column === undefined ? cell.col : sheet.columnIndex(ref.column);
      if (row === undefined)
        cell.bound.push(refError(`no row with id "${ref.id}"`, `没有编号为“${ref.id}”的行`));
      else if (col === undefined)
        cell.bound.push(
          refError(`no column named "${ref.column ?? ''}"`, `没有名为“${ref.column ?? ''}”的列`),
        );
      else {
        if (ref.id !== '') cell.idRows.push(row);
        cell.bound.push(single(row, col));
      }
    }
  }
}

/** What evaluating a formula needs from the engine besides the cell itself. */
export type EvalEnv = Pick<
  EvalContext,
  'read' | 'isTotalRow' | 'blockStamp' | 'changedBlocks' | 'clock'
> & {
  rounding: Rounding;
  budget: number;
};

/** Evaluates one formula; whatever happens inside becomes a value, never an exception. */
export function evaluateCell(cell: FormulaCell, env: EvalEnv): Stored {
  const self = { row: cell.row, col: cell.col };
  if (!cell.compiled.ok) return new ErrVal(cell.compiled.code, cell.compiled.message, self);
  let steps = 0;
  const ctx: EvalContext = {
    ...env,
    self,
    unitExp: unitExponent(cell.type),
    step: (n) => {
      steps += n;
      if (steps > env.budget) throw new BudgetExceeded();
    },
    cache: (node, slot) => cell.caches.get(node)?.[slot],
    setCache: (node, slot, value) => {
      let list = cell.caches.get(node);
      if (!list) cell.caches.set(node, (list = []));
      list[slot] = value;
    },
  };
  try {
    const v = evaluateScalar(cell.compiled.expr, cell.bound, ctx);
    return normaliseResult(v, cell.type, env.rounding, cell.row, cell.col);
  } catch (e) {
    return new ErrVal(
      '#ERROR!',
      e instanceof BudgetExceeded
        ? {
            en: 'formula needs too much work (evaluation limit reached)',
            zh: '公式计算量过大（超过计算上限）',
          }
        : {
            en: `formula could not be evaluated (${e instanceof Error ? e.name : 'error'})`,
            zh: '公式无法计算',
          },
      self,
    );
  }
}
