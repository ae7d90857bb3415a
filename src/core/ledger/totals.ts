// 小计/合计 rows must equal, to the fen, the entries they total (docs/ledger-format.md "Totals").
import type { Bilingual } from '../diagnostics';
import { formatAmount } from '../money/format';
import { isEntryCode, KIND_CODES, type LedgerFacts, type TotalRow } from './facts';
import type { DiagnosticList } from './positions';
import { kindLabel, type Kind } from './schema';
import { CellState } from './store';

const money = (state: number): boolean => state === CellState.Number || state === CellState.Formula;

/**
 * The sum a total row should show, and how many entries went into it; undefined when a row it
 * might count has an error of its own (an unreadable amount, an unknown kind, a misspelt fund), so
 * one typo is reported once and not again at every total below it.
 */
export function expectedTotal(
  facts: LedgerFacts,
  t: TotalRow,
  errorRows: ReadonlySet<number> = new Set(),
): { sum: bigint; count: number } | undefined {
  const s = facts.store;
  let sum = 0n;
  let count = 0;
  let broken = false;
  const take = (r: number): void => {
    const kind = s.kind[r] ?? 0;
    if (errorRows.size > 0 && (kind === 0 || isEntryCode(kind)) && errorRows.has(r)) broken = true;
    if (!isEntryCode(kind) || (t.entryKind !== 0 && kind !== t.entryKind)) return;
    if (t.fund !== 0 && s.fund[r] !== t.fund) return;
    if (t.category !== 0 && s.category[r] !== t.category) return;
    if (!money(s.amountState[r] ?? 0)) return;
    sum += s.amount[r] ?? 0n;
    count++;
  };
  if (t.kind === 'subtotal') for (let r = t.blockFrom; r < t.row; r++) take(r);
  else for (let r = 1; r < s.size; r++) take(r);
  return broken ? undefined : { sum, count };
}

/**
 * Checks every total. 合计 rows scan the whole file, so they are grouped by what they total and
 * each group is summed once: a file with many 合计 rows stays linear.
 */
export function checkTotals(
  facts: LedgerFacts,
  out: DiagnosticList,
  errorRows: ReadonlySet<number>,
): void {
  const s = facts.store;
  const cache = new Map<string, { sum: bigint; count: number } | undefined>();
  for (const t of facts.totals) {
    if (!money(s.amountState[t.row] ?? 0)) continue; // unreadable amounts are already reported
    let expected: { sum: bigint; count: number } | undefined;
    if (t.kind === 'total') {
      const key = `${t.fund}|${t.category}|${t.entryKind}`;
      if (!cache.has(key)) cache.set(key, expectedTotal(facts, t, errorRows));
      expected = cache.get(key);
    } else expected = expectedTotal(facts, t, errorRows);
    if (!expected) continue;
    const shown = s.amount[t.row] ?? 0n;
    if (shown === expected.sum) continue;
    out.add(
      'FL-TOTAL-MISMATCH',
      mismatch(facts, t, shown, expected),
      t.amountCell.start,
      t.amountCell.end,
      {
        row: t.row,
        ...(facts.schema.columns.has('amount')
          ? { col: facts.schema.columns.get('amount') as number }
          : {}),
      },
    );
  }
}

function mismatch(
  facts: LedgerFacts,
  t: TotalRow,
  shown: bigint,
  e: { sum: bigint; count: number },
): Bilingual {
  const fmt = (fen: bigint): string => `${formatAmount(fen, t.unit)} ${t.unit}`;
  const diff = shown - e.sum;
  const kind = KIND_CODES[t.entryKind] as Kind | undefined;
  const what = {
    en: `${e.count} ${kind ? kindLabel(kind, 'en') : ''} entries ${t.kind === 'subtotal' ? 'in the block above' : 'in the file'}${t.fund ? ` of ${facts.funds.get(t.fund)}` : ''}${t.category ? ` / ${facts.categories.get(t.category)}` : ''}`,
    zh: `${t.kind === 'subtotal' ? '上方本段' : '全文件'}${t.fund ? `“${facts.funds.get(t.fund)}”` : ''}${t.category ? `/“${facts.categories.get(t.category)}”` : ''}的 ${e.count} 条${kind ? kindLabel(kind, 'zh') : ''}明细`,
  };
  return {
    en: `${t.kind === 'subtotal' ? 'Subtotal' : 'Total'} is ${fmt(shown)} but the ${what.en} add up to ${fmt(e.sum)} (off by ${fmt(diff)})`,
    zh: `${t.kind === 'subtotal' ? '小计' : '合计'}为 ${fmt(shown)}，但${what.zh}之和为 ${fmt(e.sum)}（相差 ${fmt(diff)}）`,
  };
}
