// One pass over a ledger, chunk by chunk: typed per-row facts plus every problem a single row can
// show. Checks that need the whole file (totals, targets, unknown funds, formulas) run in finish.ts.
import type { CsvTable, LineEnding } from '../csv/scan';
import { parseUnitName, type Unit } from '../money/units';
import { emptyFacts, isEntryCode, KIND_INDEX, UNIT_CODES, type LedgerFacts } from './facts';
import { readHeader } from './header';
import { MSG } from './messages';
import type { Bilingual } from '../diagnostics';
import type { LedgerCode } from './codes';
import { RowCursor } from './row-cursor';
import { classifyRow, SpecialRows } from './special-rows';
import { dayNumber, isIsoDate, parseDate, parsePeriod } from './period';
import { DiagnosticList, LineStarts } from './positions';
import { checkTextCells, reportRagged } from './row-text';
import { readMoneyCell, type MoneyCellInput } from './row-money';
import { MONEY_ROLES, parseKind, resolveSchema, type ColumnRole } from './schema';
import { BAD_DAY, NO_DAY } from './store';
import { reportSyntaxErrors, rowIsBlank } from './syntax';

const QUOTE = 34;
const AS_OF = KIND_INDEX.get('as-of') ?? 0;

export class LedgerBuilder {
  readonly diagnostics = new DiagnosticList();
  readonly lines = new LineStarts();
  facts: LedgerFacts;
  headerCount = 0;
  private hasHeader = false;
  moneyCol: boolean[] = [];
  freeCol: boolean[] = [];
  private headerUnit: (Unit | undefined)[] = [];
  private kindCache = new Map<string, number>();
  private dayCache = new Map<string, number>();
  private lastDate = '';
  private lastDay = NO_DAY;
  private lastKindText = '';
  private lastKind = 0;
  private quoteTable: CsvTable | undefined;
  private nextQuote = -1;
  private c = {
    id: -1,
    date: -1,
    fund: -1,
    category: -1,
    kind: -1,
    amount: -1,
    max: -1,
    unit: -1,
    period: -1,
  };
  private readonly cur = new RowCursor();
  private readonly special: SpecialRows;
  /** Reused for every money cell, so reading one allocates nothing. */
  private readonly money: MoneyCellInput = {
    row: 0,
    col: 0,
    role: 'amount',
    raw: '',
    unit: '元',
    start: 0,
    end: 0,
    required: false,
    isTarget: false,
    colCount: 0,
  };
  firstEnding: LineEnding = '';
  mixedEndings: { start: number; end: number; ending: LineEnding; count: number } | undefined;

  constructor(readonly file: string) {
    this.facts = emptyFacts(file, resolveSchema([]));
    this.special = new SpecialRows(this.facts, this.diagnostics);
  }

  /** Sizes the row store for about `rows` rows up front (streaming callers estimate it). */
  expectRows(rows: number): void {
    this.facts.store.reserve(rows);
  }

  /** Adds the rows of `table`, whose text starts at file offset `base` and whose row 0 is file row `firstRow`. */
  addTable(table: CsvTable, base: number, firstRow: number): void {
    reportSyntaxErrors(table, base, firstRow, this.diagnostics);
    let i = 0;
    if (!this.hasHeader && table.rowCount > 0) {
      this.readHeaderRow(table, base);
      i = 1;
    }
    for (; i < table.rowCount; i++) this.addRow(table, base, i, firstRow + i);
    this.facts.rowCount = Math.max(this.facts.rowCount, firstRow + table.rowCount);
  }

  private readHeaderRow(table: CsvTable, base: number): void {
    this.hasHeader = true;
    const schema = readHeader(table, base, this.diagnostics);
    this.facts.schema = schema;
    this.headerCount = table.cellCount(0);
    this.special.facts = this.facts;
    this.special.amountCol = schema.columns.get('amount') ?? -1;
    this.special.maxCol = schema.columns.get('max') ?? -1;
    this.special.dateCol = schema.columns.get('date') ?? -1;
    this.special.amountUnit = (rowUnit) => this.unitOf(this.special.amountCol, rowUnit);
    const at = (role: ColumnRole): number => schema.columns.get(role) ?? -1;
    this.c = {
      id: at('id'),
      date: at('date'),
      fund: at('fund'),
      category: at('category'),
      kind: at('kind'),
      amount: at('amount'),
      max: at('max'),
      unit: at('unit'),
      period: at('period'),
    };
    this.moneyCol = schema.headers.map((h) => h.role !== 'extra' && MONEY_ROLES.has(h.role));
    this.freeCol = schema.headers.map(
      (h) => h.role === 'extra' || h.role === 'description' || h.role === 'note',
    );
    this.headerUnit = schema.headers.map((h) => h.unit);
    this.firstEnding = table.lineEnding(0);
    this.trackLines(table, base, 0);
  }

  /** Every row starts a line; quoted cells may hold more line breaks. */
  private trackLines(table: CsvTable, base: number, i: number): void {
    const rowStart = table.rowStart(i);
    this.lines.push(base + rowStart);
    const text = table.text;
    // One forward search per quote, not per row: a file without quotes is scanned once.
    if (this.quoteTable !== table || this.nextQuote < rowStart) {
      this.quoteTable = table;
      const q = text.indexOf('"', rowStart);
      this.nextQuote = q < 0 ? Infinity : q;
    }
    if (this.nextQuote >= table.rowEnd(i)) return;
    const n = table.cellCount(i);
    for (let c = 0; c < n; c++) {
      const s = table.cellStart(i, c);
      if (text.charCodeAt(s) !== QUOTE) continue;
      const e = table.cellEnd(i, c);
      for (let k = s + 1; k < e; k++) {
        const ch = text.charCodeAt(k);
        if (ch === 10 || (ch === 13 && text.charCodeAt(k + 1) !== 10))
          this.lines.push(base + k + 1);
      }
    }
  }

  private addRow(table: CsvTable, base: number, i: number, row: number): void {
    const cur = this.cur.at(table, base, i);
    this.trackLines(table, base, i);
    this.checkLineEnding(table, base, i);
    const f = this.facts;
    const store = f.store;
    const out = this.diagnostics;
    store.ensure(row);
    store.rowStart[row] = base + table.rowStart(i);
    if (rowIsBlank(table, i)) {
      const s = base + table.rowStart(i);
      out.add('FL-CSV-BLANK-ROW', MSG.blankRow, s, s, { row });
      return;
    }
    const n = cur.n;
    if (n !== this.headerCount) reportRagged(table, base, i, row, this.headerCount, out);
    const c = this.c;

    // Kind first: what else is required depends on it.
    const kindText = cur.value(c.kind);
    let kind = kindText === this.lastKindText ? this.lastKind : this.kindCache.get(kindText);
    if (kind === undefined) {
      const k = parseKind(kindText);
      kind = k ? (KIND_INDEX.get(k) ?? 0) : 0;
      this.kindCache.set(kindText, kind);
    }
    store.kind[row] = kind;
    this.lastKindText = kindText;
    this.lastKind = kind;
    if (c.kind >= 0 && kind === 0) {
      const blank = kindText.trim() === '';
      this.report(
        blank ? 'FL-KIND-MISSING' : 'FL-KIND-UNKNOWN',
        blank ? MSG.kindMissing : MSG.kindUnknown(kindText),
        c.kind,
        row,
      );
    }
    const isEntry = isEntryCode(kind);
    const isTarget = kind >= 1 && kind <= 3;

    const id = cur.value(c.id).trim();
    if (c.id >= 0) {
      const prior = id === '' ? undefined : f.ids.add(id, row);
      if (id === '') this.report('FL-ID-MISSING', MSG.idMissing, c.id, row);
      else if (prior !== undefined) {
        const line = this.lines.positionAt(store.rowStart[prior] ?? 0).line;
        this.report('FL-ID-DUPLICATE', MSG.idDuplicate(id, line), c.id, row);
      }
    }

    const fund = cur.value(c.fund).trim();
    store.fund[row] = f.funds.intern(fund);
    store.fundStart[row] = cur.start(c.fund);
    store.fundEnd[row] = cur.end(c.fund);
    if (c.fund >= 0 && fund === '' && (isEntry || isTarget))
      this.report('FL-FUND-MISSING', MSG.fundMissing, c.fund, row);
    store.category[row] = f.categories.intern(cur.value(c.category).trim());
    store.categoryStart[row] = cur.start(c.category);
    store.categoryEnd[row] = cur.end(c.category);

    const dateText = cur.value(c.date);
    let day =
      dateText === ''
        ? NO_DAY
        : dateText === this.lastDate
          ? this.lastDay
          : this.dayCache.get(dateText);
    if (day === undefined) {
      const iso = dateText.trim() === '' ? undefined : parseDate(dateText);
      day = iso ? dayNumber(iso) : dateText.trim() === '' ? NO_DAY : BAD_DAY;
      if (this.dayCache.size < 100_000) this.dayCache.set(dateText, day);
    }
    this.lastDate = dateText;
    this.lastDay = day;
    // ISO dates are rebuilt from the day number when a formula reads them; keep only other spellings.
    store.dateText[row] =
      dateText === '' || (day >= 0 && isIsoDate(dateText)) ? 0 : f.texts.intern(dateText);
    if (day === BAD_DAY) this.report('FL-DATE-INVALID', MSG.dateInvalid(dateText), c.date, row);
    store.day[row] = day;
    const periodText = cur.value(c.period);
    if (periodText !== '') store.periodText.set(row, f.texts.intern(periodText));
    const period = periodText.trim() === '' ? undefined : parsePeriod(periodText);
    if (periodText.trim() !== '' && !period)
      this.report('FL-PERIOD-INVALID', MSG.periodInvalid(periodText), c.period, row);

    // A unit column applies to the money columns whose header declares no unit.
    const unitText = cur.value(c.unit);
    if (unitText !== '') store.unitText.set(row, f.texts.intern(unitText));
    const rowUnit = unitText.trim() === '' ? undefined : parseUnitName(unitText);
    if (unitText.trim() !== '' && !rowUnit)
      this.report('FL-UNIT-UNKNOWN', MSG.unitUnknown(unitText), c.unit, row);
    store.unit[row] = rowUnit ? UNIT_CODES.indexOf(rowUnit) + 1 : 0;

    const m = this.money;
    m.row = row;
    m.required = kind !== 0 && kind !== AS_OF;
    m.isTarget = isTarget;
    m.colCount = this.headerCount;
    for (let k = 0; k < 2; k++) {
      const col = k === 0 ? c.amount : c.max;
      if (col < 0) continue;
      m.col = col;
      m.role = k === 0 ? 'amount' : 'max';
      m.raw = cur.value(col);
      m.unit = this.unitOf(col, rowUnit);
      m.start = cur.start(col);
      m.end = cur.end(col);
      readMoneyCell(m, f, out);
    }

    checkTextCells(this, table, base, i, row, n);
    this.special.rowUnit = rowUnit;
    classifyRow(this.special, kind, row, id, period, cur);
    if (isEntry) this.special.lastEntryKind = kind;
    else if (kind !== 0) this.special.blockFrom = row + 1;
  }

  private report(code: LedgerCode, message: Bilingual, col: number, row: number): void {
    this.diagnostics.add(code, message, this.cur.start(col), this.cur.end(col), { row, col });
  }

  private unitOf(c: number, rowUnit: Unit | undefined): Unit {
    return (c >= 0 ? this.headerUnit[c] : undefined) ?? rowUnit ?? '元';
  }

  private checkLineEnding(table: CsvTable, base: number, i: number): void {
    const ending = table.lineEnding(i);
    if (ending === '' || ending === this.firstEnding) return;
    if (this.firstEnding === '') {
      this.firstEnding = ending;
      return;
    }
    if (this.mixedEndings) this.mixedEndings.count++;
    else {
      const s = base + table.rowEnd(i);
      this.mixedEndings = { start: s, end: s + ending.length, ending, count: 1 };
    }
  }
}
