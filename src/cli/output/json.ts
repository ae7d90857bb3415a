// The stable JSON schema of `validate --format json` and `report --format json` (docs/cli.md).
import type { Diagnostic } from '../../core/diagnostics';
import type { TargetProgress } from '../../core/ledger/targets';
import { formatAmount } from '../../core/money/format';
import type { Lang } from '../i18n';

export interface FileReport {
  path: string;
  encoding: string;
  rows: number;
  asOf: string;
  diagnostics: readonly Diagnostic[];
  targets: readonly TargetProgress[];
}

const yuan = (fen: bigint): string => formatAmount(fen, '元', { grouping: false, decimals: 2 });

export function diagnosticJson(d: Diagnostic, lang: Lang): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: lang === 'zh' ? d.message.zh : d.message.en,
    messages: { en: d.message.en, zh: d.message.zh },
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    row: d.row === undefined ? null : d.row + 1,
    col: d.col === undefined ? null : d.col + 1,
  };
}

export function targetJson(p: TargetProgress, withRows: boolean): Record<string, unknown> {
  const t = p.target;
  const pace = p.pace;
  return {
    fund: p.fund,
    category: p.category ?? null,
    measure: p.measure,
    unit: p.unit,
    status: p.status,
    period: t?.period ? { text: t.period.text, start: t.period.start, end: t.period.end } : null,
    target: t ? { min: yuan(t.min), max: yuan(t.max), row: t.row + 1, id: t.id } : null,
    actual: yuan(p.actual),
    remaining: yuan(p.remaining),
    share: p.share ?? null,
    entryCount: p.rows.length,
    ...(withRows ? { rows: p.rows.map((r) => r + 1) } : {}),
    pace: pace
      ? {
          asOf: pace.asOf,
          elapsed: pace.elapsed,
          expected: yuan(pace.expected),
          actualToDate: yuan(pace.actualToDate),
          behind: pace.behind,
          projectedCompletion: pace.projectedCompletion ?? null,
          reachedOn: pace.reachedOn ?? null,
        }
      : null,
  };
}

export function jsonReport(
  kind: 'validate' | 'report',
  version: string,
  files: readonly FileReport[],
  lang: Lang,
): string {
  const count = (s: string): number =>
    files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === s).length, 0);
  const doc = {
    schema: `fund-ledger/${kind}@1`,
    tool: { name: 'fund-ledger', version },
    files: files.map((f) => ({
      path: f.path,
      encoding: f.encoding,
      rows: f.rows,
      asOf: f.asOf,
      ...(kind === 'validate'
        ? { diagnostics: f.diagnostics.map((d) => diagnosticJson(d, lang)) }
        : {}),
      targets: f.targets.map((p) => targetJson(p, kind === 'report')),
    })),
    summary: {
      files: files.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
