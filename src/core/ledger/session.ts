// What the grid calls on every edit. Values are recalculated incrementally (only the formulas that
// depend on the edited cell); diagnostics and targets are recomputed from the text on demand and
// cached, so a burst of keystrokes costs one full check, not one per keystroke.
import { scanCsv, type CsvTable } from '../csv/scan';
import { applyEdit, editCell, quoteField, type TextEdit } from '../csv/edit';
import type { Diagnostic } from '../diagnostics';
import { FormulaEngine } from '../formula/engine';
import type { CellAddress, CellValue } from '../formula/types';
import type { LedgerOptions, LedgerResult } from './finish';
import { LedgerSheet, type RawCells } from './sheet';
import type { TargetProgress } from './targets';
import { analyzeLedger } from './validate';

export interface CellChange extends CellAddress {
  value: CellValue;
}

export interface EditOutcome {
  /** The one replacement that turns the old text into the new one (hand it to a WorkspaceEdit). */
  edit: TextEdit;
  /** The edited cell and every formula whose value changed, with their new values. */
  changed: CellChange[];
}

/** The session's cells: the scanned table plus cells edited since the last full check. */
/** Beyond this many in-place edits the text is rescanned, so each edit stays O(1) in practice. */
const MAX_SHIFTS = 256;

class EditedCells implements RawCells {
  readonly overrides = new Map<number, string>();
  constructor(public table: CsvTable) {}
  get rowCount(): number {
    return this.table.rowCount;
  }
  get colCount(): number {
    return this.table.rowCount > 0 ? this.table.cellCount(0) : 0;
  }
  raw(row: number, col: number): string {
    if (row < 0 || row >= this.table.rowCount) return '';
    const o = this.overrides.get(row * 65536 + col);
    if (o !== undefined) return o;
    return col < this.table.cellCount(row) ? this.table.cellValue(row, col) : '';
  }
}

export class LedgerSession {
  private text: string;
  private cells: EditedCells;
  private sheet: LedgerSheet;
  private engine: FormulaEngine;
  private analysis: LedgerResult | undefined;
  /**
   * Length changes of the edits made since the text was last scanned, keyed by the original end
   * offset of the edited cell: the scanned table stays valid, shifted by these.
   */
  private shifts: { origEnd: number; delta: number }[] = [];
  /**
   * The latest text of each cell edited in place, by its original range. The text is rebuilt from
   * these only when asked for: splicing a 13 MB string on every keystroke would copy it each time.
   */
  private cellTexts = new Map<number, { end: number; text: string }>();

  constructor(
    readonly file: string,
    text: string,
    private readonly options: LedgerOptions = {},
  ) {
    this.text = text;
    this.cellTexts.clear();
    this.cells = new EditedCells(scanCsv(text));
    this.sheet = new LedgerSheet(this.cells);
    this.engine = new FormulaEngine(this.sheet, { rounding: options.rounding ?? 'half-up' });
  }

  get currentText(): string {
    if (this.cellTexts.size > 0) {
      const parts: string[] = [];
      let at = 0;
      for (const [start, c] of [...this.cellTexts].sort((a, b) => a[0] - b[0])) {
        parts.push(this.text.slice(at, start), c.text);
        at = c.end;
      }
      parts.push(this.text.slice(at));
      this.text = parts.join('');
      this.cellTexts.clear();
      // The scanned table now describes older text: rescan once, keeping the engine as it is.
      this.cells.table = scanCsv(this.text);
      this.cells.overrides.clear();
      this.shifts = [];
    }
    return this.text;
  }

  /** What a cell shows: the formula result, the parsed amount, or the text. */
  value(row: number, col: number): CellValue {
    return this.engine.value(row, col);
  }

  /**
   * Applies one cell edit: a minimal text edit, and the values that changed (incremental
   * recalculation). Diagnostics and targets are marked stale and recomputed on the next call.
   */
  applyCellEdit(row: number, col: number, newRaw: string): EditOutcome {
    const t = this.cells.table;
    const idCol = this.sheet.schema.columns.get('id');
    const inPlace =
      row > 0 &&
      row < t.rowCount &&
      col < t.cellCount(row) &&
      t.cellCount(row) > 1 &&
      col !== idCol;
    if (!inPlace || this.shifts.length >= MAX_SHIFTS) {
      // Rare cases (header, ids, cells past a row's end): a fresh scan, a minimal edit, a rebuild.
      const text = this.currentText;
      const edit = editCell(scanCsv(text), row, col, newRaw);
      this.reset(applyEdit(text, edit));
      return { edit, changed: this.allFormulaValues() };
    }
    const s0 = t.cellStart(row, col);
    const e0 = t.cellEnd(row, col);
    const start = s0 + this.shift(s0, false);
    const end = e0 + this.shift(e0, true);
    const edit = { start, end, text: quoteField(newRaw) };
    this.cellTexts.set(s0, { end: e0, text: edit.text });
    this.shifts.push({ origEnd: e0, delta: edit.text.length - (end - start) });
    this.cells.overrides.set(row * 65536 + col, newRaw);
    this.analysis = undefined;
    const addresses = this.engine.setCell(row, col, newRaw);
    return {
      edit,
      changed: addresses.map((a) => ({ ...a, value: this.engine.value(a.row, a.col) })),
    };
  }

  /** Sum of earlier edits' length changes before an original offset (`inclusive`: ending at it too). */
  private shift(offset: number, inclusive: boolean): number {
    let sum = 0;
    for (const e of this.shifts)
      if (e.origEnd < offset || (inclusive && e.origEnd === offset)) sum += e.delta;
    return sum;
  }

  /** After an edit the session did not make (undo, typing in the text editor, a row insertion). */
  reset(text: string): void {
    this.text = text;
    this.cellTexts.clear();
    this.cells = new EditedCells(scanCsv(text));
    this.sheet = new LedgerSheet(this.cells);
    this.engine = new FormulaEngine(this.sheet, { rounding: this.options.rounding ?? 'half-up' });
    this.analysis = undefined;
    this.shifts = [];
  }

  diagnostics(): Diagnostic[] {
    return this.analyze().diagnostics;
  }

  targets(): TargetProgress[] {
    return this.analyze().targets;
  }

  private analyze(): LedgerResult {
    this.analysis ??= analyzeLedger(this.file, this.currentText, this.options);
    return this.analysis;
  }

  private allFormulaValues(): CellChange[] {
    return this.engine
      .formulaCells()
      .map((a) => ({ ...a, value: this.engine.value(a.row, a.col) }));
  }
}
