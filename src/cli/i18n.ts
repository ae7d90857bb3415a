import type { Bilingual } from '../core/diagnostics';
import type { CliIo } from './io';

export type Lang = 'en' | 'zh';

/** `--lang` wins; otherwise LC_ALL, LC_MESSAGES, LANG in POSIX order. Only zh* selects Chinese. */
export function detectLang(flag: string | undefined, env: CliIo['env']): Lang {
  const pick = flag ?? env['LC_ALL'] ?? env['LC_MESSAGES'] ?? env['LANG'] ?? '';
  return pick.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function t(lang: Lang, m: Bilingual): string {
  return lang === 'zh' ? m.zh : m.en;
}
