import { type Rounding } from '../money';
import { compileFormula, type Compiled } from './compile';
import { parseConstant, sameStored, toCellValue } from './cell-values';
import { createFormulaCell, evaluateCell, idsStillResolve, type FormulaCell } from './formula-cell';
import { cellKey, COL_LIMIT, DependencyIndex, keyCol, keyRow } from './graph';
import { orderAndEvaluate } from './recompute';
import { a1 } from './refs';
import { shiftRowReferences } from './shift';
import {
  ErrVal,
  type CellAddress,
  type CellValue,
  type EngineOptions,
  type SheetSource,
  type Stored,
} from './types';
import { ChangeLog } from './change-log';

const DEFAULT_BUDGET = 20_000_000;

/**
 * Formula values for one sheet, kept current incrementally: `setCell` re-evaluates only the
 * formulas that (transitively) read the edited cell, in dependency order, detecting cycles
 * iteratively. Row insertion/deletion: update the sheet, then call `rebuild()`.
 */
export class FormulaEngine {
  private readonly rounding: Rounding;
  private readonly budget: number;
  private readonly index = new DependencyIndex();
  private readonly formulas = new Map<number, FormulaCell>();
  private readonly byId = new Map<string, Set<number>>();
  private readonly byIdRow = new Map<number, Set<number>>();
  private readonly wholeColumn = new Set<number>();
  /** Current value of every cell that has been read, formulas included: column-major for fast ranges. */
  private vals: (Stored | undefined)[][] = [];
  private totals: Uint8Array = new Uint8Array(0);
  private readonly changes = new ChangeLog();
  private readonly isTotal = (row: number): boolean => this.totalRow(row);

  constructor(
    private readonly sheet: SheetSource,
    options: EngineOptions = {},
  ) {
    this.rounding = options.rounding ?? 'half-up';
    this.budget = options.stepBudget ?? DEFAULT_BUDGET;
    this.rebuild();
  }

  /** Re-reads the whole sheet (after row insertion/deletion or a header change) and recalculates everything. */
  rebuild(): void {
    this.formulas.clear();
    this.index.clear();
    this.byId.clear();
    this.byIdRow.clear();
    this.wholeColumn.clear();
    const { rowCount, colCount } = this.sheet;
    if (colCount > COL_LIMIT) throw new RangeError('too many columns');
    this.vals = Array.from({ length: colCount }, () => new Array<Stored | undefined>(rowCount));
    this.totals = new Uint8Array(rowCount);
    this.changes.reset(rowCount, colCount);
    for (let row = 1; row < rowCount; row++)
      for (let col = 0; col < colCount; col++) {
        const raw = this.sheet.raw(row, col);
        if (raw.charCodeAt(0) === 61 && this.sheet.cellType(row, col) !== 'text')
          this.addFormula(row, col, raw);
      }
    this.recompute(this.formulas.keys());
  }

  /**
   * The formula edits a spreadsheet would make when rows move (see `shiftRowReferences`): call
   * BEFORE changing the sheet, write the returned texts (positions are pre-move), then `rebuild()`.
   */
  rowShiftEdits(at: number, delta: number): { row: number; col: number; raw: string }[] {
    const out: { row: number; col: number; raw: string }[] = [];
    for (const cell of this.formulas.values()) {
      const raw = this.sheet.raw(cell.row, cell.col);
      const shifted = shiftRowReferences(raw, at, delta);
      if (shifted !== raw) out.push({ row: cell.row, col: cell.col, raw: shifted });
    }
    return out.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /** Same as `rebuild`: a full recalculation from the sheet. */
  recalcAll(): void {
    this.rebuild();
  }

  /**
   * The sheet already holds `raw` at (row, col). Returns every cell whose value changed, the edited
   * cell included; only formulas depending on it are recomputed.
   */
  setCell(row: number, col: number, raw: string): CellAddress[] {
    if (row <= 0 || row >= this.sheet.rowCount || col < 0 || col >= this.sheet.colCount) {
      const before = this.snapshot();
      this.rebuild();
      return this.diff(before);
    }
    const key = cellKey(row, col);
    // Never-read constants have no cached old value (the sheet already holds the new text): report them changed.
    const old = this.column(col)[row];
    const seeds = new Set<number>();
    if (this.formulas.has(key)) this.removeFormula(key);
    this.column(col)[row] = undefined;
    this.bump(row, col);
    const type = this.sheet.cellType(row, col);
    if (raw.charCodeAt(0) === 61 && type !== 'text') {
      this.addFormula(row, col, raw);
      seeds.add(key);
    }
    const wasTotal = this.totals[row];
    this.totals[row] = 0;
    if (wasTotal !== 0 && wasTotal !== (this.totalRow(row) ? 2 : 1)) {
      for (const f of this.wholeColumn) seeds.add(f);
      for (let c = 0; c < this.sheet.colCount; c++) this.bump(row, c);
    }
    const rebind = new Set([
      ...(this.byIdRow.get(row) ?? []),
      ...(this.byId.get(raw.trim()) ?? []),
    ]);
    for (const f of rebind) {
      const cell = this.formulas.get(f);
      if (!cell || f === key || idsStillResolve(this.sheet, cell)) continue;
      this.removeFormula(f);
      this.addFormula(cell.row, cell.col, '', cell.compiled);
      seeds.add(f);
    }
    this.index.forEachDependent(row, col, this.isTotal, (f) => seeds.add(f));
    const changed = this.recompute(seeds);
    const out: CellAddress[] = [];
    if (!this.formulas.has(key) && (old === undefined || !sameStored(old, this.read(row, col))))
      out.push({ row, col });
    for (const f of changed) out.push({ row: keyRow(f), col: keyCol(f) });
    return out;
  }

  value(row: number, col: number): CellValue {
    if (row < 0 || col < 0 || row >= this.sheet.rowCount || col >= this.sheet.colCount)
      return { kind: 'empty' };
    return toCellValue(this.read(row, col), this.sheet.cellType(row, col));
  }

  isFormula(row: number, col: number): boolean {
    return this.formulas.has(cellKey(row, col));
  }

  /** Formulas that read (row, col) directly. */
  dependents(row: number, col: number): CellAddress[] {
    const out: CellAddress[] = [];
    this.index.forEachDependent(row, col, this.isTotal, (f) =>
      out.push({ row: keyRow(f), col: keyCol(f) }),
    );
    return out;
  }

  /** Every formula cell, in row order, for validation to report formula errors. */
  formulaCells(): CellAddress[] {
    return [...this.formulas.keys()]
      .sort((a, b) => a - b)
      .map((f) => ({ row: keyRow(f), col: keyCol(f) }));
  }

  private column(col: number): (Stored | undefined)[] {
    return this.vals[col] as (Stored | undefined)[];
  }

  private read(row: number, col: number): Stored {
    const column = this.vals[col];
    if (!column || row < 0 || row >= column.length) return null;
    const v = column[row];
    if (v !== undefined) return v;
    if (this.formulas.has(cellKey(row, col)))
      return new ErrVal('#CYCLE!', { en: 'circular reference', zh: '循环引用' }, { row, col });
    const parsed = parseConstant(this.sheet.raw(row, col), this.sheet.cellType(row, col), row, col);
    column[row] = parsed;
    return parsed;
  }

  /** `plain` false: a total row's formula value, which ranges that skip total rows never read. */
  private bump(row: number, col: number, plain = true): void {
    this.changes.bump(row, col, plain);
  }

  private totalRow(row: number): boolean {
    let flag = this.totals[row];
    if (flag === 0) {
      flag = this.sheet.isTotalRow?.(row) ? 2 : 1;
      this.totals[row] = flag;
    }
    return flag === 2;
  }

  private addFormula(row: number, col: number, raw: string, reuse?: Compiled): void {
    const key = cellKey(row, col);
    const cell = createFormulaCell(this.sheet, row, col, reuse ?? compileFormula(raw.slice(1)));
    this.formulas.set(key, cell);
    this.index.add(key, cell.reg);
    for (const id of cell.ids) addTo(this.byId, id, key);
    for (const r of cell.idRows) addTo(this.byIdRow, r, key);
    if (cell.wholeColumn) this.wholeColumn.add(key);
  }

  private removeFormula(key: number): void {
    const cell = this.formulas.get(key);
    if (!cell) return;
    this.index.remove(key, cell.reg);
    for (const id of cell.ids) this.byId.get(id)?.delete(key);
    for (const r of cell.idRows) this.byIdRow.get(r)?.delete(key);
    this.wholeColumn.delete(key);
    this.formulas.delete(key);
  }

  private evaluate(key: number): Stored {
    const cell = this.formulas.get(key);
    if (!cell) return null;
    return evaluateCell(cell, {
      rounding: this.rounding,
      budget: this.budget,
      read: (row, col) => this.read(row, col),
      isTotalRow: this.isTotal,
      blockStamp: (col, block, skipTotals) => this.changes.stamp(col, block, skipTotals),
      changedBlocks: (col, since, skipTotals) => this.changes.changedBlocks(col, since, skipTotals),
      clock: () => this.changes.now(),
    });
  }

  /** Re-evaluates `seeds` and everything depending on them; returns the formulas whose value changed. */
  private recompute(seeds: Iterable<number>): number[] {
    return orderAndEvaluate(seeds, {
      dependents: (f, visit) =>
        this.index.forEachDependent(keyRow(f), keyCol(f), this.isTotal, visit),
      isFormula: (f) => this.formulas.has(f),
      current: (f) => this.column(keyCol(f))[keyRow(f)],
      evaluate: (f) => this.evaluate(f),
      store: (f, v) => {
        const column = this.column(keyCol(f));
        const old = column[keyRow(f)];
        column[keyRow(f)] = v;
        if (old === undefined || !sameStored(old, v))
          this.bump(keyRow(f), keyCol(f), !this.totalRow(keyRow(f)));
      },
      cycleError: (f, size) =>
        new ErrVal(
          '#CYCLE!',
          {
            en: `circular reference: ${a1(keyRow(f), keyCol(f))} depends on itself through ${size} cell${size === 1 ? '' : 's'}`,
            zh: `循环引用：${a1(keyRow(f), keyCol(f))} 经过 ${size} 个单元格引用了自身`,
          },
          { row: keyRow(f), col: keyCol(f) },
        ),
      same: sameStored,
    });
  }

  private snapshot(): Map<number, Stored> {
    const m = new Map<number, Stored>();
    for (const f of this.formulas.keys()) m.set(f, this.column(keyCol(f))[keyRow(f)] ?? null);
    return m;
  }

  private diff(before: Map<number, Stored>): CellAddress[] {
    const out: CellAddress[] = [];
    const keys = new Set([...before.keys(), ...this.formulas.keys()]);
    for (const f of keys) {
      const now = this.formulas.has(f) ? (this.column(keyCol(f))?.[keyRow(f)] ?? null) : null;
      if (!sameStored(before.get(f) ?? null, now)) out.push({ row: keyRow(f), col: keyCol(f) });
    }
    return out;
  }
}

function addTo<K>(map: Map<K, Set<number>>, k: K, v: number): void {
  let set = map.get(k);
  if (!set) map.set(k, (set = new Set()));
  set.add(v);
}
