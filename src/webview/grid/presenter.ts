// What each cell shows: formula results from the core's FormulaEngine (recalculated incrementally on
// every edit), amounts exact and grouped in the chosen display unit, errors as their code with the
// message on hover. In Restricted Mode nothing is evaluated: formulas show as the text they are.
import { FormulaEngine } from '../../core/formula/engine';
import type { CellValue } from '../../core/formula/types';
import { formatAmount } from '../../core/money/format';
import { parseAmount } from '../../core/money/parse';
import type { GridUnitChoice } from '../../shared/protocol';
import { GridSheet } from './gridSheet';
import type { GridModel } from './gridModel';
import type { CellPresentation } from './gridView';
import { t } from './l10n';
import { columnLetters } from './layout';

export class LedgerPresenter {
  readonly sheet: GridSheet;
  private engine: FormulaEngine | null = null;
  evaluate = true;
  unit: GridUnitChoice = 'asDeclared';
  language: 'zh' | 'en' = 'en';

  constructor(private readonly model: GridModel) {
    this.sheet = new GridSheet(model);
  }

  /** Set by main.ts: formulas have been (re)calculated after a deferred rebuild. */
  onEngineReady?: () => void;
  private pending = 0;
  private generation = 0;

  /**
   * Everything may have changed (new text, rows inserted or deleted, header edited). `deferred`
   * paints first: plain cells show at once, formula cells a placeholder until the engine has run.
   */
  rebuild(deferred = false): void {
    this.sheet.refresh();
    this.engine = null;
    this.pending = 0;
    if (!this.evaluate) return;
    if (!deferred) {
      this.engine = this.buildEngine();
      return;
    }
    const ticket = ++this.generation;
    this.pending = ticket;
    setTimeout(() => {
      if (this.pending !== ticket) return;
      this.pending = 0;
      this.engine = this.buildEngine();
      this.onEngineReady?.();
    }, 0);
  }

  get calculating(): boolean {
    return this.pending !== 0;
  }

  private buildEngine(): FormulaEngine | null {
    try {
      return new FormulaEngine(this.sheet.source);
    } catch {
      // More columns than the engine indexes: show raw text rather than nothing.
      return null;
    }
  }

  /** One cell's text changed in place: only its dependants are recalculated. */
  cellChanged(row: number, col: number): void {
    if (this.pending) return;
    if (row === 0 || !this.engine) {
      this.rebuild();
      return;
    }
    if (col === this.sheet.idColumn) this.sheet.reindexIds();
    this.engine.setCell(row, col, this.model.raw(row, col));
  }

  value(row: number, col: number): CellValue {
    if (this.engine) return this.engine.value(row, col);
    const raw = this.model.raw(row, col);
    return raw === '' ? { kind: 'empty' } : { kind: 'text', value: raw };
  }

  /** Exact amount in fen for sums (amount cells, and plain numbers read as 元), or null. */
  fen(row: number, col: number): bigint | null {
    const v = this.value(row, col);
    if (v.kind !== 'number') return null;
    if (v.fen !== undefined) return v.fen;
    const parsed = parseAmount(v.value, '元');
    return parsed.ok ? parsed.fen : null;
  }

  present(model: GridModel, row: number, col: number): CellPresentation {
    const raw = model.raw(row, col);
    if (row === 0) return { text: raw, className: 'header', title: raw.length > 16 ? raw : '' };
    const formula = raw.startsWith('=');
    if (!this.engine) return this.presentRaw(raw, row, col, formula);
    const v = this.engine.value(row, col);
    const isFormula = formula && this.engine.isFormula(row, col);
    const extra = isFormula ? ' formula' : '';
    // Formulas read free text as empty and kinds by their Chinese names, as the CLI does; a cell
    // that is not a formula still shows what was typed.
    if (!isFormula && (v.kind === 'text' || v.kind === 'empty'))
      return { text: raw, className: '', title: '' };
    switch (v.kind) {
      case 'empty':
        return { text: '', className: extra.trim(), title: '' };
      case 'text':
        return { text: v.value, className: extra.trim(), title: '' };
      case 'bool':
        return { text: v.value ? 'TRUE' : 'FALSE', className: `num${extra}`, title: '' };
      case 'error': {
        const message = this.language === 'zh' ? v.message.zh : v.message.en;
        const at = v.origin.row !== row || v.origin.col !== col;
        const where = at
          ? ` (${t('from {0}', `${columnLetters(v.origin.col)}${v.origin.row + 1}`)})`
          : '';
        return { text: v.code, className: `error${extra}`, title: `${v.code} ${message}${where}` };
      }
      case 'number': {
        const unit = this.sheet.amountUnit(row, col);
        if (v.fen === undefined || unit === null) {
          // A typed plain number shows as typed (`0700`, `1e3`, `12.50`); only results are computed text.
          return { text: extra ? v.value : raw, className: `num${extra}`, title: '' };
        }
        const shown = this.unit === 'asDeclared' ? unit : this.unit;
        const text = formatAmount(v.fen, shown);
        const title = shown === unit ? '' : `${formatAmount(v.fen, unit)} ${unit}`;
        return { text, className: `num${extra}`, title };
      }
    }
  }

  /** Before formulas are calculated (or in Restricted Mode): typed amounts formatted, formulas as text. */
  private presentRaw(raw: string, row: number, col: number, formula: boolean): CellPresentation {
    if (formula) {
      return this.pending
        ? { text: '…', className: 'pending', title: t('Calculating…') }
        : { text: raw, className: 'formula-text', title: '' };
    }
    const unit = this.sheet.amountUnit(row, col);
    if (unit === null || raw.trim() === '') return { text: raw, className: '', title: '' };
    const parsed = parseAmount(raw, unit);
    if (!parsed.ok) return { text: raw, className: '', title: '' };
    const shown = this.unit === 'asDeclared' ? unit : this.unit;
    return { text: formatAmount(parsed.fen, shown), className: 'num', title: '' };
  }
}
