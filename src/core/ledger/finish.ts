// Whole-file checks, after every row has been read: formulas, unknown funds and categories, target
// ranges, totals, and allocation against targets.
import type { Diagnostic } from '../diagnostics';
import type { FormulaEngine } from '../formula/engine';
import { formatAmount } from '../money/format';
import type { Rounding } from '../money/units';
import { computeTargets, targetBand } from './aggregate';
import type { LedgerBuilder } from './builder';
import { clip } from './codes';
import { isEntryCode, type LedgerFacts } from './facts';
import { evaluateFormulas } from './formulas';
import { endingName, MSG } from './messages';
import { dayNumber, todayIso } from './period';
import type { DiagnosticList } from './positions';
import type { TargetProgress } from './targets';
import { checkTotals } from './totals';

export interface LedgerOptions {
  /** ISO date for pace and "period ended"; default: the file's 截至 row, else today. */
  asOf?: string;
  rounding?: Rounding;
  /** Compute pace for dated targets (the chart and report want it; validation alone does not). */
  pace?: boolean;
}

export interface LedgerResult {
  diagnostics: Diagnostic[];
  facts: LedgerFacts;
  targets: TargetProgress[];
  asOf: string;
  engine: FormulaEngine | undefined;
}

export function finishLedger(b: LedgerBuilder, opts: LedgerOptions = {}): LedgerResult {
  const facts = b.facts;
  const out = b.diagnostics;
  if (facts.rowCount === 0)
    out.add('FL-FILE-EMPTY', { en: 'The file is empty', zh: '文件为空' }, 0, 0);
  if (b.mixedEndings) {
    const m = b.mixedEndings;
    out.add(
      'FL-CSV-MIXED-LINE-ENDINGS',
      MSG.mixedEndings(endingName(m.ending), endingName(b.firstEnding), m.count - 1),
      m.start,
      m.end,
    );
  }
  const engine = evaluateFormulas(facts, opts.rounding ?? 'half-up', out);
  checkFundsAndCategories(facts, out);
  checkTargetRanges(facts, out);
  checkTotals(facts, out, errorRows(out));
  const asOf = opts.asOf ?? facts.asOfDeclared ?? todayIso();
  const targets = computeTargets(facts, { asOf, pace: opts.pace ?? false });
  checkTargets(facts, targets, asOf, out);
  return { diagnostics: out.resolve(facts.file, b.lines), facts, targets, asOf, engine };
}

function errorRows(out: DiagnosticList): Set<number> {
  const rows = new Set<number>();
  for (const d of out.items) if (d.severity === 'error' && d.row !== undefined) rows.add(d.row);
  return rows;
}

/** A fund must have a target row; a fund with category targets only takes those categories. */
function checkFundsAndCategories(facts: LedgerFacts, out: DiagnosticList): void {
  const s = facts.store;
  const targeted = new Set<number>();
  const categories = new Map<number, Set<number>>();
  for (const t of facts.targets) {
    targeted.add(t.fund);
    if (t.category === 0) continue;
    let set = categories.get(t.fund);
    if (!set) categories.set(t.fund, (set = new Set()));
    set.add(t.category);
  }
  if (!facts.schema.columns.has('fund')) return;
  const fundCol = facts.schema.columns.get('fund') as number;
  const catCol = facts.schema.columns.get('category');
  for (let r = 1; r < s.size; r++) {
    const kind = s.kind[r] ?? 0;
    const fund = s.fund[r] ?? 0;
    if (fund === 0 || !(isEntryCode(kind) || kind === 8 || kind === 9)) continue;
    const name = facts.funds.get(fund);
    if (!targeted.has(fund)) {
      out.add(
        'FL-FUND-UNKNOWN',
        {
          en: `Fund "${clip(name)}" has no target row (类型 目标/筹集目标/支出目标) in this file; check the spelling or add its target`,
          zh: `资金“${clip(name)}”在本文件中没有目标行（类型为 目标/筹集目标/支出目标）；请检查名称或补充目标`,
        },
        s.fundStart[r] ?? 0,
        s.fundEnd[r] ?? 0,
        { row: r, col: fundCol },
      );
      continue;
    }
    const allowed = categories.get(fund);
    const cat = s.category[r] ?? 0;
    if (!allowed || allowed.has(cat) || (cat === 0 && !isEntryCode(kind))) continue;
    const catName = facts.categories.get(cat);
    const list = [...allowed].map((c) => facts.categories.get(c)).join('、');
    out.add(
      'FL-CATEGORY-UNKNOWN',
      cat === 0
        ? {
            en: `Fund "${clip(name)}" has category targets (${list}); this entry needs one of them`,
            zh: `资金“${clip(name)}”按类别设定了目标（${list}），该明细需填写其中一个类别`,
          }
        : {
            en: `Category "${clip(catName)}" has no target under fund "${clip(name)}" (its categories: ${list})`,
            zh: `类别“${clip(catName)}”在资金“${clip(name)}”下没有目标（已有类别：${list}）`,
          },
      s.categoryStart[r] ?? 0,
      s.categoryEnd[r] ?? 0,
      catCol !== undefined ? { row: r, col: catCol } : { row: r },
    );
  }
}

function checkTargetRanges(facts: LedgerFacts, out: DiagnosticList): void {
  for (const t of facts.targets) {
    const band = targetBand(facts, t);
    if (!band || band.max >= band.min) continue;
    const fmt = (fen: bigint): string => `${formatAmount(fen, t.unit)} ${t.unit}`;
    out.add(
      'FL-TARGET-RANGE',
      {
        en: `The maximum ${fmt(band.max)} is below the target amount ${fmt(band.min)}`,
        zh: `上限 ${fmt(band.max)} 低于目标金额 ${fmt(band.min)}`,
      },
      t.maxCell.start,
      t.maxCell.end,
      { row: t.row },
    );
  }
}

function checkTargets(
  facts: LedgerFacts,
  targets: readonly TargetProgress[],
  asOf: string,
  out: DiagnosticList,
): void {
  const today = dayNumber(asOf);
  for (const p of targets) {
    const band = p.target;
    if (!band || band.max < band.min) continue; // FL-TARGET-RANGE already says the band is wrong
    const t = facts.targets.find((x) => x.row === band.row);
    if (!t) continue;
    const fmt = (fen: bigint): string => `${formatAmount(fen, p.unit)} ${p.unit}`;
    const what = `${p.fund}${p.category ? ` / ${p.category}` : ''}`;
    if (p.status === 'over') {
      const cell =
        band.max !== band.min && t.maxCell.end > t.maxCell.start ? t.maxCell : t.amountCell;
      out.add(
        'FL-TARGET-OVER',
        {
          en: `${what}: actual ${fmt(p.actual)} is above the maximum ${fmt(band.max)} by ${fmt(p.actual - band.max)}`,
          zh: `${what}：实际 ${fmt(p.actual)}，超过上限 ${fmt(band.max)}，超出 ${fmt(p.actual - band.max)}`,
        },
        cell.start,
        cell.end,
        { row: t.row },
      );
    } else if (p.status === 'under' && band.period && today > dayNumber(band.period.end)) {
      out.add(
        'FL-TARGET-UNDER',
        {
          en: `${what}: the period ended on ${band.period.end} with ${fmt(p.actual)}, ${fmt(p.remaining)} short of the target ${fmt(band.min)}`,
          zh: `${what}：期间已于 ${band.period.end} 结束，实际 ${fmt(p.actual)}，距目标 ${fmt(band.min)} 还差 ${fmt(p.remaining)}`,
        },
        t.amountCell.start,
        t.amountCell.end,
        { row: t.row },
      );
    }
  }
}
