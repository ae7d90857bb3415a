import type { Bilingual } from '../../core/diagnostics';
import type { TargetProgress, TargetStatus } from '../../core/ledger/targets';
import type { EntryKind } from '../../core/ledger/schema';
import { formatAmount } from '../../core/money/format';
import type { Lang } from '../i18n';

const STATUS: Record<TargetStatus, Bilingual> = {
  'no-target': { en: 'no target', zh: '无目标' },
  under: { en: 'under', zh: '未达标' },
  within: { en: 'on target', zh: '达标' },
  over: { en: 'OVER', zh: '超上限' },
};

const MEASURE: Record<EntryKind, Bilingual> = {
  allocated: { en: 'allocated', zh: '拨付' },
  raised: { en: 'raised', zh: '筹集' },
  spent: { en: 'spent', zh: '支出' },
};

export const statusLabel = (s: TargetStatus, lang: Lang): string => STATUS[s][lang];
export const measureLabel = (m: EntryKind, lang: Lang): string => MEASURE[m][lang];

export function money(fen: bigint, p: TargetProgress): string {
  return formatAmount(fen, p.unit, { decimals: p.unit === '元' ? 2 : p.unit === '万元' ? 2 : 4 });
}

/** `1,000.00–1,500.00` or `432.00`; empty without a target. */
export function band(p: TargetProgress): string {
  const t = p.target;
  if (!t) return '';
  return t.min === t.max ? money(t.min, p) : `${money(t.min, p)}–${money(t.max, p)}`;
}

export function percent(share: number | undefined): string {
  return share === undefined ? '' : `${(share * 100).toFixed(1)}%`;
}

export function paceText(p: TargetProgress, lang: Lang): string {
  const pace = p.pace;
  if (!pace) return '';
  if (pace.reachedOn)
    return lang === 'zh' ? `${pace.reachedOn} 已达目标` : `reached ${pace.reachedOn}`;
  const expected = money(pace.expected, p);
  const where = lang === 'zh' ? `应达 ${expected}` : `expected ${expected}`;
  const proj = pace.projectedCompletion
    ? lang === 'zh'
      ? `，按当前进度 ${pace.projectedCompletion} 达标`
      : `, at this pace reached ${pace.projectedCompletion}`
    : '';
  if (!pace.behind)
    return lang === 'zh' ? `进度正常（${where}${proj}）` : `on pace (${where}${proj})`;
  return lang === 'zh' ? `进度落后（${where}${proj}）` : `behind (${where}${proj})`;
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

export function table(
  rows: readonly (readonly string[])[],
  rightAligned: ReadonlySet<number>,
): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows
    .map((r) =>
      r
        .map((c, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - width(c));
          return rightAligned.has(i) ? pad + c : c + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
