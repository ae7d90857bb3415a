// Copies one row's facts, read on its own by a LedgerBuilder (header + that row), into a whole
// ledger's store. Interned names are re-interned into the ledger's tables, so a fund or category
// that already exists keeps its id (targets match rows by those ids).
import type { LedgerFacts } from './facts';

export function copyRow(
  from: LedgerFacts,
  fromRow: number,
  to: LedgerFacts,
  toRow: number,
  rowStart: number,
): void {
  const a = from.store;
  const b = to.store;
  const shift = rowStart - (a.rowStart[fromRow] ?? 0);
  b.kind[toRow] = a.kind[fromRow] ?? 0;
  b.fund[toRow] = to.funds.intern(from.funds.get(a.fund[fromRow] ?? 0));
  b.category[toRow] = to.categories.intern(from.categories.get(a.category[fromRow] ?? 0));
  b.day[toRow] = a.day[fromRow] ?? 0;
  const dateText = a.dateText[fromRow] ?? 0;
  b.dateText[toRow] = dateText === 0 ? 0 : to.texts.intern(from.texts.get(dateText));
  b.amountState[toRow] = a.amountState[fromRow] ?? 0;
  b.amount[toRow] = a.amount[fromRow] ?? 0n;
  b.maxState[toRow] = a.maxState[fromRow] ?? 0;
  const max = a.max.get(fromRow);
  if (max === undefined) b.max.delete(toRow);
  else b.max.set(toRow, max);
  b.unit[toRow] = a.unit[fromRow] ?? 0;
  copyText(from, a.unitText, fromRow, to, b.unitText, toRow);
  copyText(from, a.periodText, fromRow, to, b.periodText, toRow);
  // Cell ranges name the row in later messages; keep them pointing into the edited text.
  b.fundStart[toRow] = (a.fundStart[fromRow] ?? 0) + shift;
  b.fundEnd[toRow] = (a.fundEnd[fromRow] ?? 0) + shift;
  b.categoryStart[toRow] = (a.categoryStart[fromRow] ?? 0) + shift;
  b.categoryEnd[toRow] = (a.categoryEnd[fromRow] ?? 0) + shift;
  const cols = to.schema.headers.length;
  for (let c = 0; c < cols; c++) {
    const v = from.sideCells.get(fromRow * cols + c);
    if (v === undefined) to.sideCells.delete(toRow * cols + c);
    else to.sideCells.set(toRow * cols + c, v);
  }
}

function copyText(
  from: LedgerFacts,
  src: ReadonlyMap<number, number>,
  fromRow: number,
  to: LedgerFacts,
  dst: Map<number, number>,
  toRow: number,
): void {
  const id = src.get(fromRow);
  if (id === undefined) dst.delete(toRow);
  else dst.set(toRow, to.texts.intern(from.texts.get(id)));
}
