import type { CsvTable } from '../csv/scan';
import { injectionRisk } from './injection';
import { MSG } from './messages';
import type { DiagnosticList } from './positions';
import type { LedgerFacts } from './facts';
import { FREE_NUMBER } from './sheet';

const QUOTE = 34;

interface TextCheckHost {
  readonly facts: LedgerFacts;
  readonly diagnostics: DiagnosticList;
  readonly moneyCol: readonly boolean[];
  readonly freeCol: readonly boolean[];
  readonly headerCount: number;
}

/**
 * Text columns: anything Excel/WPS would execute is reported; plain numbers in free columns are
 * kept for formulas (e.g. a 人数 column). Only the first character is read unless it is suspicious.
 */
export function checkTextCells(
  host: TextCheckHost,
  table: CsvTable,
  base: number,
  i: number,
  row: number,
  n: number,
): void {
  const text = table.text;
  for (let c = 0; c < n; c++) {
    if (host.moneyCol[c]) continue;
    let s = table.cellStart(i, c);
    const quoted = text.charCodeAt(s) === QUOTE;
    if (quoted) s++;
    const ch = text.charCodeAt(s);
    // An empty unquoted cell: its first character is already the separator or the line break.
    if (!quoted && (ch === 44 || ch === 10 || ch === 13)) continue;
    const digit = (ch >= 0x30 && ch <= 0x39) || ch === 0x2d;
    if (digit && host.freeCol[c]) {
      const v = table.cellValue(i, c);
      if (FREE_NUMBER.test(v)) host.facts.sideCells.set(row * host.headerCount + c, v);
    }
    // Every trigger character is below 'A' (0x41) or a full-width form (≥ U+3000).
    if ((ch >= 0x41 && ch < 0x3000) || (ch >= 0x30 && ch <= 0x39) || Number.isNaN(ch)) continue;
    const v = table.cellValue(i, c);
    if (injectionRisk(v))
      host.diagnostics.add(
        'FL-INJECTION',
        MSG.injection(v),
        base + table.cellStart(i, c),
        base + table.cellEnd(i, c),
        { row, col: c },
      );
  }
}

export function reportRagged(
  table: CsvTable,
  base: number,
  i: number,
  row: number,
  headerCount: number,
  out: DiagnosticList,
): void {
  const n = table.cellCount(i);
  const start = base + (n > headerCount ? table.cellStart(i, headerCount) : table.rowEnd(i));
  out.add('FL-CSV-RAGGED-ROW', MSG.ragged(n, headerCount), start, base + table.rowEnd(i), { row });
}
