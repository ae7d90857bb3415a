// One pass over a ledger, chunk by chunk: typed per-row facts plus every problem a single row can
// show. Checks that need the whole file (totals, targets, unknown funds, formulas) run in finish.ts.
import type { CsvTable, LineEnding } from '../csv/scan';
import { parseUnitName, type Unit } from '../money/units';
import { emptyFacts, isEntryCode, KIND_INDEX, UNIT_CODES, type LedgerFacts } from './facts';
import { readHeader } from './header';
import { MSG } from './messages';
import { dayNumber, parseDate, parsePeriod, type Period } from './period';
import { DiagnosticList, LineStarts } from './positions';
import { checkTextCells, reportRagged } from './row-text';
import { readMoneyCell } from './row-money';
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
  private col = new Map<ColumnRole, number>();
  moneyCol: boolean[] = [];
  freeCol: boolean[] = [];
  private headerUnit: (Unit | undefined)[] = [];
  private kindCache = new Map<string, number>();
  private blockFrom = 1;
  private lastEntryKind = 0;
  firstEnding: LineEnding = '';
  mixedEndings: { start: number; end: number; ending: LineEnding; count: number } | undefined;

  constructor(readonly file: string) {
    this.facts = emptyFacts(file, resolveSchema([]));
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
    this.col = new Map(schema.columns);
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
    this.lines.push(base + table.rowStart(i));
    const n = table.cellCount(i);
    const text = table.text;
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
    const n = table.cellCount(i);
    if (n !== this.headerCount) reportRagged(table, base, i, row, this.headerCount, out);
    const colOf = (role: ColumnRole): number => this.col.get(role) ?? -1;
    const value = (c: number): string => (c >= 0 && c < n ? table.cellValue(i, c) : '');
    const range = (c: number): { start: number; end: number } => {
      if (c >= 0 && c < n)
        return { start: base + table.cellStart(i, c), end: base + table.cellEnd(i, c) };
      const e = base + table.rowEnd(i);
      return { start: e, end: e };
    };
    const report = (
      code: Parameters<DiagnosticList['add']>[0],
      msg: Parameters<DiagnosticList['add']>[1],
      c: number,
    ): void => {
      const r = range(c);
      out.add(code, msg, r.start, r.end, { row, col: c });
    };

    // Kind first: what else is required depends on it.
    const kindCol = colOf('kind');
    const kindText = value(kindCol);
    let kind = this.kindCache.get(kindText);
    if (kind === undefined) {
      const k = parseKind(kindText);
      kind = k ? (KIND_INDEX.get(k) ?? 0) : 0;
      this.kindCache.set(kindText, kind);
    }
    store.kind[row] = kind;
    if (kindCol >= 0 && kind === 0)
      report(
        kindText.trim() === '' ? 'FL-KIND-MISSING' : 'FL-KIND-UNKNOWN',
        kindText.trim() === '' ? MSG.kindMissing : MSG.kindUnknown(kindText),
        kindCol,
      );
    const isEntry = isEntryCode(kind);
    const isTarget = kind >= 1 && kind <= 3;

    const idCol = colOf('id');
    const id = value(idCol).trim();
    store.ids[row] = id;
    if (idCol >= 0) {
      const prior = id === '' ? undefined : f.ids.get(id);
      if (id === '') report('FL-ID-MISSING', MSG.idMissing, idCol);
      else if (prior === undefined) f.ids.set(id, row);
      else
        report(
          'FL-ID-DUPLICATE',
          MSG.idDuplicate(id, this.lines.positionAt(store.rowStart[prior] ?? 0).line),
          idCol,
        );
    }

    const fundCol = colOf('fund');
    const fund = value(fundCol).trim();
    store.fund[row] = f.funds.intern(fund);
    const fr = range(fundCol);
    store.fundStart[row] = fr.start;
    store.fundEnd[row] = fr.end;
    if (fundCol >= 0 && fund === '' && (isEntry || isTarget))
      report('FL-FUND-MISSING', MSG.fundMissing, fundCol);
    const catCol = colOf('category');
    store.category[row] = f.categories.intern(value(catCol).trim());
    const cr = range(catCol);
    store.categoryStart[row] = cr.start;
    store.categoryEnd[row] = cr.end;

    const dateCol = colOf('date');
    const dateText = value(dateCol);
    store.dateText[row] = dateText === '' ? 0 : f.texts.intern(dateText);
    let day = NO_DAY;
    if (dateText.trim() !== '') {
      const iso = parseDate(dateText);
      day = iso ? dayNumber(iso) : BAD_DAY;
      if (!iso) report('FL-DATE-INVALID', MSG.dateInvalid(dateText), dateCol);
    }
    store.day[row] = day;
    const periodCol = colOf('period');
    const periodText = value(periodCol);
    store.periodText[row] = periodText === '' ? 0 : f.texts.intern(periodText);
    const period = periodText.trim() === '' ? undefined : parsePeriod(periodText);
    if (periodText.trim() !== '' && !period)
      report('FL-PERIOD-INVALID', MSG.periodInvalid(periodText), periodCol);

    // A unit column applies to the money columns whose header declares no unit.
    const unitCol = colOf('unit');
    const unitText = value(unitCol);
    store.unitText[row] = unitText === '' ? 0 : f.texts.intern(unitText);
    const rowUnit = unitText.trim() === '' ? undefined : parseUnitName(unitText);
    if (unitText.trim() !== '' && !rowUnit)
      report('FL-UNIT-UNKNOWN', MSG.unitUnknown(unitText), unitCol);
    store.unit[row] = rowUnit ? UNIT_CODES.indexOf(rowUnit) + 1 : 0;

    for (const role of ['amount', 'max'] as const) {
      const c = colOf(role);
      if (c < 0) continue;
      const r = range(c);
      readMoneyCell(
        {
          row,
          col: c,
          role,
          raw: value(c),
          unit: this.unitOf(c, rowUnit),
          start: r.start,
          end: r.end,
          required: kind !== 0 && kind !== AS_OF,
          isTarget,
          colCount: this.headerCount,
        },
        f,
        out,
      );
    }

    checkTextCells(this, table, base, i, row, n);
    this.classify(kind, row, id, period, range, rowUnit);
    if (isEntry) this.lastEntryKind = kind;
    else if (kind !== 0) this.blockFrom = row + 1;
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

  private classify(
    kind: number,
    row: number,
    id: string,
    period: Period | undefined,
    range: (c: number) => { start: number; end: number },
    rowUnit: Unit | undefined,
  ): void {
    const f = this.facts;
    const store = f.store;
    const amountCol = this.col.get('amount') ?? -1;
    if (kind >= 1 && kind <= 3) {
      const t = {
        row,
        kind:
          kind === 1
            ? ('target' as const)
            : kind === 2
              ? ('target:raised' as const)
              : ('target:spent' as const),
        id,
        fund: store.fund[row] ?? 0,
        category: store.category[row] ?? 0,
        amountCell: range(amountCol),
        maxCell: range(this.col.get('max') ?? -1),
        unit: this.unitOf(amountCol, rowUnit),
      };
      f.targets.push(period ? { ...t, period } : t);
    } else if (kind === 8 || kind === 9) {
      f.totals.push({
        row,
        kind: kind === 8 ? 'subtotal' : 'total',
        id,
        fund: store.fund[row] ?? 0,
        category: store.category[row] ?? 0,
        blockFrom: this.blockFrom,
        entryKind: this.lastEntryKind,
        amountCell: range(amountCol),
        unit: this.unitOf(amountCol, rowUnit),
      });
    } else if (kind === AS_OF) {
      const day = store.day[row] ?? NO_DAY;
      if (day >= 0) f.asOfDeclared = parseDate(f.texts.get(store.dateText[row] ?? 0)) ?? '';
      else if (day === NO_DAY) {
        const dateCol = this.col.get('date') ?? -1;
        const r = range(dateCol);
        this.diagnostics.add('FL-DATE-INVALID', MSG.asOfNeedsDate, r.start, r.end, {
          row,
          col: dateCol,
        });
      }
    }
  }
}
