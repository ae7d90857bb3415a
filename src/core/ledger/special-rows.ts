// Targets, 小计/合计 and 截至 rows: recorded while reading so the whole-file checks can find them.
import type { Unit } from '../money/units';
import type { LedgerFacts } from './facts';
import { MSG } from './messages';
import { dateFromDayNumber, type Period } from './period';
import type { DiagnosticList } from './positions';
import type { RowCursor } from './row-cursor';
import { NO_DAY } from './store';

const TARGET_KINDS = [undefined, 'target', 'target:raised', 'target:spent'] as const;

/** What classifyRow needs from the builder, plus the block state that 小计 rows depend on. */
export class SpecialRows {
  amountCol = -1;
  maxCol = -1;
  dateCol = -1;
  /** First row of the current 小计 block. */
  blockFrom = 1;
  /** Kind code of the nearest entry above. */
  lastEntryKind = 0;
  amountUnit: (rowUnit: Unit | undefined) => Unit = () => '元';
  rowUnit: Unit | undefined;

  constructor(
    public facts: LedgerFacts,
    readonly diagnostics: DiagnosticList,
  ) {}
}

export function classifyRow(
  h: SpecialRows,
  kind: number,
  row: number,
  id: string,
  period: Period | undefined,
  cur: RowCursor,
): void {
  const f = h.facts;
  const store = f.store;
  const cell = (c: number): { start: number; end: number } => ({
    start: cur.start(c),
    end: cur.end(c),
  });
  const targetKind = TARGET_KINDS[kind];
  if (targetKind) {
    const t = {
      row,
      kind: targetKind,
      id,
      fund: store.fund[row] ?? 0,
      category: store.category[row] ?? 0,
      amountCell: cell(h.amountCol),
      maxCell: cell(h.maxCol),
      unit: h.amountUnit(h.rowUnit),
    };
    f.targets.push(period ? { ...t, period } : t);
  } else if (kind === 8 || kind === 9) {
    f.totals.push({
      row,
      kind: kind === 8 ? 'subtotal' : 'total',
      id,
      fund: store.fund[row] ?? 0,
      category: store.category[row] ?? 0,
      blockFrom: h.blockFrom,
      entryKind: h.lastEntryKind,
      amountCell: cell(h.amountCol),
      unit: h.amountUnit(h.rowUnit),
    });
  } else if (kind === 10) {
    const day = store.day[row] ?? NO_DAY;
    if (day >= 0) f.asOfDeclared = dateFromDayNumber(day);
    else if (day === NO_DAY) {
      const r = cell(h.dateCol);
      h.diagnostics.add('FL-DATE-INVALID', MSG.asOfNeedsDate, r.start, r.end, {
        row,
        col: h.dateCol,
      });
    }
  }
}
