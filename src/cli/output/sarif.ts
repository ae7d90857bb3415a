// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, VS Code SARIF viewer).
import { LEDGER_CODES, type LedgerCode } from '../../core/ledger/codes';
import type { Lang } from '../i18n';
import type { FileReport } from './json';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function sarifReport(version: string, files: readonly FileReport[], lang: Lang): string {
  const codes = Object.keys(LEDGER_CODES) as LedgerCode[];
  const rules = codes.map((code) => {
    const [severity, en, zh] = LEDGER_CODES[code];
    return {
      id: code,
      name: code,
      shortDescription: { text: lang === 'zh' ? zh : en },
      fullDescription: { text: `${en} / ${zh}` },
      help: { text: `See docs/diagnostics.md, section ${code}.` },
      defaultConfiguration: { level: LEVEL[severity] },
    };
  });
  const index = new Map(codes.map((c, i) => [c as string, i]));
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
      level: LEVEL[d.severity],
      message: { text: lang === 'zh' ? d.message.zh : d.message.en },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: f.path.split('\\').join('/') },
            region: {
              startLine: d.line,
              startColumn: d.column,
              endLine: d.endLine,
              endColumn: Math.max(d.endColumn, d.endLine === d.line ? d.column : 1),
            },
          },
        },
      ],
    })),
  );
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fund-ledger', version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
