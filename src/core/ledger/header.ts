import type { CsvTable } from '../csv/scan';
import { clip } from './codes';
import { injectionRisk } from './injection';
import type { DiagnosticList } from './positions';
import { resolveSchema, ROLE_ALIASES, type LedgerSchema } from './schema';

/** Reads the header row (row 0 of the first chunk) and reports every header problem. */
export function readHeader(table: CsvTable, base: number, out: DiagnosticList): LedgerSchema {
  const cells = table.rowValues(0);
  const schema = resolveSchema(cells);
  const rowStart = base + table.rowStart(0);
  const rowEnd = base + table.rowEnd(0);
  const at = (col: number): [number, number] => [
    base + table.cellStart(0, col),
    base + table.cellEnd(0, col),
  ];
  for (const role of schema.missing) {
    const names = (ROLE_ALIASES.get(role) ?? []).slice(0, 2);
    out.add(
      'FL-HEADER-MISSING',
      {
        en: `The header has no ${role} column (name it ${names.map((n) => `"${n}"`).join(' or ')})`,
        zh: `表头缺少“${names[0] ?? role}”列（列名可写 ${names.map((n) => `“${n}”`).join(' 或 ')}）`,
      },
      rowStart,
      rowEnd,
      { row: 0 },
    );
  }
  for (const { col, first } of schema.repeatedHeaders) {
    const [s, e] = at(col);
    out.add(
      'FL-HEADER-DUPLICATE',
      {
        en: `Column ${col + 1} repeats the header "${clip(cells[col] ?? '')}" of column ${first + 1}`,
        zh: `第 ${col + 1} 列与第 ${first + 1} 列表头“${clip(cells[col] ?? '')}”重复`,
      },
      s,
      e,
      { row: 0, col },
    );
  }
  for (const { role, col, first } of schema.duplicates) {
    const [s, e] = at(col);
    out.add(
      'FL-HEADER-DUPLICATE',
      {
        en: `Column ${col + 1} ("${clip(cells[col] ?? '')}") is a second ${role} column; column ${first + 1} already is one`,
        zh: `第 ${col + 1} 列（“${clip(cells[col] ?? '')}”）与第 ${first + 1} 列用途相同（${role}）`,
      },
      s,
      e,
      { row: 0, col },
    );
  }
  schema.headers.forEach((h, col) => {
    const [s, e] = at(col);
    if (h.header.trim() === '' && cells.length > 1) {
      out.add(
        'FL-HEADER-EMPTY',
        { en: `Column ${col + 1} has no header`, zh: `第 ${col + 1} 列没有表头` },
        s,
        e,
        { row: 0, col },
      );
    }
    if (h.badUnit !== undefined) {
      out.add(
        'FL-HEADER-UNIT',
        {
          en: `"${clip(h.header)}" declares the unit "${clip(h.badUnit)}"; use 元, 万元 or 亿元`,
          zh: `“${clip(h.header)}”中的单位“${clip(h.badUnit)}”无法识别；请用 元、万元 或 亿元`,
        },
        s,
        e,
        { row: 0, col },
      );
    }
    if (injectionRisk(h.header)) {
      out.add(
        'FL-INJECTION',
        {
          en: `Header "${clip(h.header)}" would run as a formula in Excel/WPS`,
          zh: `表头“${clip(h.header)}”在 Excel/WPS 中会被当作公式执行`,
        },
        s,
        e,
        { row: 0, col },
      );
    }
  });
  if (rowEnd === rowStart && table.rowCount === 1) {
    out.add('FL-FILE-EMPTY', { en: 'The header row is empty', zh: '表头行为空' }, rowStart, rowEnd);
  }
  return schema;
}
