import type { TargetProgress } from '../../core/ledger/targets';
import type { Lang } from '../i18n';
import { band, measureLabel, money, paceText, percent, statusLabel, table } from './labels';

const HEAD = {
  en: [
    'Fund',
    'Category',
    'Measure',
    'Period',
    'Target',
    'Actual',
    'Remaining',
    'Share',
    'Unit',
    'Status',
    'Pace',
  ],
  zh: ['资金', '类别', '口径', '期间', '目标', '实际', '尚差', '完成率', '单位', '状态', '进度'],
};

/** Column titles of the allocation table, shared by the text table and `report --format csv`. */
export function targetHead(lang: Lang): readonly string[] {
  return HEAD[lang];
}

export function targetRows(targets: readonly TargetProgress[], lang: Lang): string[][] {
  return targets.map((p) => [
    p.fund || '—',
    p.category ?? (lang === 'zh' ? '（全部）' : '(all)'),
    measureLabel(p.measure, lang),
    p.target?.period?.text ?? '',
    band(p),
    money(p.actual, p),
    p.target ? money(p.remaining, p) : '',
    percent(p.share),
    p.unit,
    statusLabel(p.status, lang),
    paceText(p, lang),
  ]);
}

/** The allocation table printed by `report` and after `validate`'s problem list. */
export function targetsTable(targets: readonly TargetProgress[], lang: Lang): string {
  return table([HEAD[lang], ...targetRows(targets, lang)], new Set([4, 5, 6, 7]));
}
