import { parseUnitName, type Unit } from '../money/units';

/** What a column means to the ledger; anything else is a free extra column kept as text. */
export type ColumnRole =
  | 'id'
  | 'date'
  | 'fund'
  | 'category'
  | 'kind'
  | 'description'
  | 'amount'
  | 'max'
  | 'unit'
  | 'period'
  | 'note';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'id',
  'date',
  'fund',
  'category',
  'kind',
  'description',
  'amount',
  'max',
  'unit',
  'period',
  'note',
];

/** Without these a file is not a ledger we can check (documented in docs/ledger-format.md). */
export const REQUIRED_ROLES: readonly ColumnRole[] = ['id', 'fund', 'kind', 'amount'];

/** Columns holding money: they take units and formulas, and are never checked for CSV injection. */
export const MONEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['amount', 'max']);

/** Canonical header names per role: the first is what new files and the docs use. */
export const ROLE_ALIASES: ReadonlyMap<ColumnRole, readonly string[]> = new Map<
  ColumnRole,
  readonly string[]
>([
  ['id', ['编号', 'id', 'rowid', '流水号']],
  ['date', ['日期', 'date', '时间']],
  ['fund', ['资金', 'fund', '资金名称', '基金', '项目资金']],
  ['category', ['类别', 'category', '分类', '用途']],
  ['kind', ['类型', 'kind', 'type']],
  ['description', ['摘要', 'description', '说明', '事项', 'memo']],
  ['amount', ['金额', 'amount', '数额']],
  ['max', ['上限', 'max', 'maximum', '金额上限', '最高']],
  ['unit', ['单位', 'unit']],
  ['period', ['期间', 'period', '期限', '年度']],
  ['note', ['备注', 'note', 'notes', 'remark', 'remarks']],
]);

const ALIAS_TO_ROLE: ReadonlyMap<string, ColumnRole> = (() => {
  const map = new Map<string, ColumnRole>();
  for (const [role, aliases] of ROLE_ALIASES)
    for (const a of aliases) map.set(normalizeName(a), role);
  return map;
})();

/**
 * Case-, space- and width-insensitive form of a header or kind: NFKC folds full-width letters,
 * brackets, colons and the ideographic space, so `（万元）`, `(万元)` and ` ( 万元 ) ` compare equal.
 */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export interface HeaderInfo {
  /** Raw header text as written. */
  readonly header: string;
  readonly role: ColumnRole | 'extra';
  /** Unit declared in brackets, e.g. `金额(万元)`. */
  readonly unit?: Unit;
  /** Bracket text that is not a unit, e.g. `金额(元/人)`: reported, the column keeps the default unit. */
  readonly badUnit?: string;
}

/** Resolves one header cell to its role and optional unit; unknown names are `extra`. */
export function resolveHeader(header: string): HeaderInfo {
  const norm = normalizeName(header);
  const m = /^(.*?)[([【]([^)\]】]*)[)\]】]$/.exec(norm);
  if (m) {
    const base = m[1] ?? '';
    const inner = m[2] ?? '';
    const role = ALIAS_TO_ROLE.get(base);
    if (role) {
      const unit = parseUnitName(inner);
      if (unit) return { header, role, unit };
      return { header, role, badUnit: inner };
    }
  }
  return { header, role: ALIAS_TO_ROLE.get(norm) ?? 'extra' };
}

export interface LedgerSchema {
  readonly headers: readonly HeaderInfo[];
  /** First column of each role present; later duplicates are listed in `duplicates`. */
  readonly columns: ReadonlyMap<ColumnRole, number>;
  /** Columns whose role was already taken by an earlier column. */
  readonly duplicates: readonly { role: ColumnRole; col: number; first: number }[];
  /** Columns whose header text repeats an earlier one exactly (after normalising), roles or not. */
  readonly repeatedHeaders: readonly { col: number; first: number }[];
  readonly missing: readonly ColumnRole[];
}

export function resolveSchema(headerCells: readonly string[]): LedgerSchema {
  const headers = headerCells.map(resolveHeader);
  const columns = new Map<ColumnRole, number>();
  const duplicates: { role: ColumnRole; col: number; first: number }[] = [];
  const repeatedHeaders: { col: number; first: number }[] = [];
  const seenNames = new Map<string, number>();
  headers.forEach((h, col) => {
    const norm = normalizeName(h.header);
    const prior = seenNames.get(norm);
    if (norm !== '' && prior !== undefined) repeatedHeaders.push({ col, first: prior });
    else seenNames.set(norm, col);
    if (h.role === 'extra') return;
    const first = columns.get(h.role);
    if (first === undefined) columns.set(h.role, col);
    else if (prior === undefined) duplicates.push({ role: h.role, col, first });
  });
  const missing = REQUIRED_ROLES.filter((r) => !columns.has(r));
  return { headers, columns, duplicates, repeatedHeaders, missing };
}

/** A header row that looks like a ledger: enough for the CLI to pick a plain `.csv` up. */
export function isLedgerHeader(headerCells: readonly string[]): boolean {
  const s = resolveSchema(headerCells);
  return s.columns.has('amount') && s.columns.has('fund') && s.columns.has('kind');
}

export type TargetKind = 'target' | 'target:raised' | 'target:spent';
export type EntryKind = 'raised' | 'allocated' | 'spent';
/** `as-of` (截至) declares the statement date the file reports up to; see docs/ledger-format.md. */
export type Kind = TargetKind | EntryKind | 'base' | 'subtotal' | 'total' | 'as-of';

export const KIND_ALIASES: ReadonlyMap<Kind, readonly string[]> = new Map<Kind, readonly string[]>([
  ['target', ['目标', 'target', '拨付目标', 'target:allocated']],
  ['target:raised', ['筹集目标', 'target:raised']],
  ['target:spent', ['支出目标', 'target:spent']],
  ['raised', ['筹集', 'raised', '募集', '捐赠']],
  ['allocated', ['拨付', 'allocated', '下达', '分配']],
  ['spent', ['支出', 'spent']],
  ['base', ['基数', 'base']],
  ['subtotal', ['小计', 'subtotal']],
  ['total', ['合计', 'total', '总计']],
  ['as-of', ['截至', 'as-of', 'asof', '截止']],
]);

const ALIAS_TO_KIND: ReadonlyMap<string, Kind> = (() => {
  const map = new Map<string, Kind>();
  for (const [kind, aliases] of KIND_ALIASES)
    for (const a of aliases) map.set(normalizeName(a), kind);
  return map;
})();

export function parseKind(text: string): Kind | undefined {
  return ALIAS_TO_KIND.get(normalizeName(text));
}

export function isTargetKind(kind: Kind): kind is TargetKind {
  return kind === 'target' || kind === 'target:raised' || kind === 'target:spent';
}

export function isEntryKind(kind: Kind): kind is EntryKind {
  return kind === 'raised' || kind === 'allocated' || kind === 'spent';
}

/** The entry kind a target is measured against: "actual" for that target. */
export function measuredKind(kind: TargetKind): EntryKind {
  if (kind === 'target:raised') return 'raised';
  if (kind === 'target:spent') return 'spent';
  return 'allocated';
}

/** Display name of a kind in each language (first alias of each). */
export function kindLabel(kind: Kind, lang: 'en' | 'zh'): string {
  const aliases = KIND_ALIASES.get(kind) ?? [kind];
  return (lang === 'zh' ? aliases[0] : aliases[1]) ?? kind;
}
