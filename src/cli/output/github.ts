// GitHub Actions workflow commands: one annotation per diagnostic.
import type { Diagnostic } from '../../core/diagnostics';
import type { Lang } from '../i18n';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Property values escape %, CR, LF, `:` and `,`; the message escapes %, CR and LF (GitHub's rules). */
const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubAnnotation(path: string, d: Diagnostic, lang: Lang): string {
  const props = [
    `file=${escapeProperty(path)}`,
    `line=${d.line}`,
    `col=${d.column}`,
    `endLine=${d.endLine}`,
    ...(d.endLine === d.line ? [`endColumn=${d.endColumn}`] : []),
    `title=${escapeProperty(d.code)}`,
  ].join(',');
  return `::${COMMAND[d.severity]} ${props}::${escapeData(lang === 'zh' ? d.message.zh : d.message.en)}\n`;
}
