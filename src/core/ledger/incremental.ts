// Allocation against targets, kept current across edits without re-reading the whole ledger. An
// edit inside one entry row (the grid edits one cell at a time) re-reads that row with the same
// LedgerBuilder code as a full read, patches the typed row store, lets the formula engine recompute
// only the formulas that read the row, and re-runs computeTargets over the store (typed arrays, no
// text). Anything else — the header, targets, 小计/合计, 截至, ids, formulas in the row, line breaks,
// a file with CSV syntax errors — falls back to the full analyzeLedger. Diagnostics are not kept:
// only targets, as-of and the row facts the chart needs are (the live diagnostics have their own run).
import { scanCsv } from '../csv/scan';
import { applyEdit, type TextEdit } from '../csv/edit';
import type { FormulaEngine } from '../formula/engine';
import { computeTargets } from './aggregate';
import { LedgerBuilder } from './builder';
import { FactsSheet } from './facts-sheet';
import type { LedgerFacts } from './facts';
import { finishLedger, type LedgerOptions } from './finish';
import { applyFormulaValue } from './formulas';
import { todayIso } from './period';
import { CellState } from './store';
import type { TargetProgress } from './targets';
import { copyRow } from './row-patch';

/** Row kinds a row edit may leave and enter: none/unknown, entries and 基数 (no target, total or 截至). */
const PLAIN_KINDS = new Set([0, 4, 5, 6, 7]);

export interface LedgerState {
  facts: LedgerFacts;
  targets: TargetProgress[];
  asOf: string;
  /** A problem that makes the file unreadable as a ledger (unclosed quote, missing columns). */
  fatal?: string;
}

export type ChangeMode = 'row' | 'full';

export class IncrementalLedger {
  private text: string;
  private state!: LedgerState;
  private engine: FormulaEngine | undefined;
  private sheet: FactsSheet | undefined;
  /** The whole text scanned without a CSV syntax error, so each row can be re-read on its own. */
  private clean = false;
  /** How the last change was applied (tests check that the fast path is really taken). */
  lastMode: ChangeMode = 'full';

  constructor(
    readonly file: string,
    text: string,
    private readonly options: LedgerOptions = {},
  ) {
    this.text = text;
    this.analyzeAll();
  }

  get currentText(): string {
    return this.text;
  }

  get current(): LedgerState {
    return this.state;
  }

  /** Applies one replacement of the current text (offsets into the text before it). */
  apply(change: TextEdit): ChangeMode {
    return this.applyMany([change]);
  }

  /**
   * Applies replacements one after the other (each one's offsets are into the text the previous
   * one left), then recomputes the targets once: a burst of edits costs one aggregation.
   */
  applyMany(changes: readonly TextEdit[]): ChangeMode {
    let mode: ChangeMode = 'row';
    for (const change of changes) {
      const before = this.text;
      this.text = applyEdit(before, change);
      if (mode === 'row' && !(this.clean && this.patchRow(before, change))) mode = 'full';
    }
    this.lastMode = mode;
    if (mode === 'full') this.analyzeAll();
    else if (changes.length > 0) this.retarget();
    return mode;
  }

  /** Replaces the whole text (a reload, or changes this class was not told about). */
  reset(text: string): void {
    this.text = text;
    this.lastMode = 'full';
    this.analyzeAll();
  }

  private analyzeAll(): void {
    const table = scanCsv(this.text);
    const b = new LedgerBuilder(this.file);
    b.addTable(table, 0, 0);
    const result = finishLedger(b, { ...this.options, pace: this.options.pace ?? true });
    const { facts } = result;
    const unclosed = result.diagnostics.find((d) => d.code.startsWith('FL-CSV-UNCLOSED'));
    const fatal = unclosed
      ? `${unclosed.code} (${unclosed.line}:${unclosed.column})`
      : facts.schema.missing.length > 0
        ? `missing ${facts.schema.missing.join(', ')}`
        : undefined;
    this.state = {
      facts,
      targets: result.targets,
      asOf: result.asOf,
      ...(fatal ? { fatal } : {}),
    };
    this.engine = result.engine;
    this.sheet = result.engine ? new FactsSheet(facts) : undefined;
    this.clean = table.errors.length === 0 && !fatal && facts.rowCount > 1;
  }

  /** The same as-of and targets finishLedger computes, from the patched store. */
  private retarget(): void {
    const facts = this.state.facts;
    const asOf = this.options.asOf ?? facts.asOfDeclared ?? todayIso();
    const targets = computeTargets(facts, { asOf, pace: this.options.pace ?? true });
    this.state = { facts, targets, asOf };
  }

  /** Re-reads the one row `change` falls in; false (nothing touched) when a full read is needed. */
  private patchRow(before: string, change: TextEdit): boolean {
    const facts = this.state.facts;
    const s = facts.store;
    const row = rowAt(s.rowStart, s.size, change.start);
    if (row < 1) return false;
    const start = s.rowStart[row] as number;
    const next = row + 1 < s.size ? (s.rowStart[row + 1] as number) : before.length;
    const end = contentEnd(before, start, next);
    if (change.end > end || !isLineStart(before, start) || !isLineStart(before, next)) return false;
    const oldRow = before.slice(start, end);
    const newRow =
      oldRow.slice(0, change.start - start) + change.text + oldRow.slice(change.end - start);
    if (hasLineBreak(oldRow) || hasLineBreak(newRow)) return false;
    const oldKind = s.kind[row] ?? 0;
    if (!PLAIN_KINDS.has(oldKind)) return false;
    if (s.amountState[row] === CellState.Formula || s.maxState[row] === CellState.Formula)
      return false;
    const header = before.slice(0, s.rowStart[1] as number);
    const fresh = readAlone(this.file, header, newRow);
    const old = readAlone(this.file, header, oldRow);
    if (!fresh || !old) return false;
    const f = fresh.facts;
    if (f.targets.length > 0 || f.totals.length > 0 || f.formulas.length > 0) return false;
    if (f.asOfDeclared !== undefined || !PLAIN_KINDS.has(f.store.kind[1] ?? 0)) return false;
    if (idOf(fresh) !== idOf(old)) return false;

    const cols = facts.schema.headers.length;
    const sheet = this.sheet;
    const rawBefore = sheet ? rowCells(sheet, row, cols) : [];
    copyRow(f, 1, facts, row, start);
    const delta = change.text.length - (change.end - change.start);
    const starts = s.rowStart;
    if (delta !== 0)
      for (let r = row + 1; r < s.size; r++) starts[r] = (starts[r] as number) + delta;
    if (this.engine && sheet) this.recalc(this.engine, sheet, row, cols, rawBefore);
    return true;
  }

  /** Tells the engine which cells of the row now read differently and stores the formulas that changed. */
  private recalc(
    engine: FormulaEngine,
    sheet: FactsSheet,
    row: number,
    cols: number,
    before: readonly string[],
  ): void {
    const facts = this.state.facts;
    const after = rowCells(sheet, row, cols);
    for (let c = 0; c < cols; c++) {
      if (after[c] === before[c]) continue;
      for (const a of engine.setCell(row, c, sheet.raw(row, c))) {
        if (!engine.isFormula(a.row, a.col)) continue;
        applyFormulaValue(facts, a.row, a.col, engine.value(a.row, a.col), undefined, {
          start: 0,
          end: 0,
        });
      }
    }
  }
}

/** Raw text and type of each cell as formulas read them: a change in either must reach the engine. */
function rowCells(sheet: FactsSheet, row: number, cols: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < cols; c++) out.push(`${sheet.cellType(row, c)}\u0000${sheet.raw(row, c)}`);
  return out;
}

/** Last row whose start is at or before `offset` (rows start in increasing order). */
function rowAt(rowStart: Uint32Array, size: number, offset: number): number {
  let lo = 1;
  let hi = size - 1;
  if (hi < 1 || offset < (rowStart[1] as number)) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((rowStart[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** End of a row's cells: before its line terminator. */
function contentEnd(text: string, start: number, next: number): number {
  let end = next;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** Bookkeeping guard: a row starts the text or follows a line break (a wrong start would misread it). */
function isLineStart(text: string, offset: number): boolean {
  if (offset === 0 || offset === text.length) return true;
  const c = text.charCodeAt(offset - 1);
  return c === 10 || c === 13;
}

function hasLineBreak(s: string): boolean {
  return s.includes('\n') || s.includes('\r');
}

/** The header and one row read on their own, exactly as the full read would read that row. */
function readAlone(file: string, header: string, row: string): LedgerBuilder | undefined {
  const table = scanCsv(header + row);
  if (table.errors.length > 0 || table.rowCount !== 2) return undefined;
  const b = new LedgerBuilder(file);
  b.addTable(table, 0, 0);
  return b;
}

function idOf(b: LedgerBuilder): string {
  const ids = [...b.facts.ids.entries()];
  return ids.length > 0 ? (ids[0] as [string, number])[0] : '';
}
