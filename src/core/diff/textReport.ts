import type { LedgerDiff, RowChange } from './diff';
import type { FundDelta } from './funds';

export interface TextReportOptions {
  readonly oldName: string;
  readonly newName: string;
  readonly color: boolean;
  readonly lang?: 'en' | 'zh';
  /** Stop listing rows after this many (the summary still counts all). */
  readonly maxRows?: number;
}

const SGR = { red: '31', green: '32', yellow: '33', cyan: '36', bold: '1', dim: '2' } as const;

/**
 * The terminal form of a ledger diff, one line per changed row, as `git diff` shows it through the
 * diff driver. Row numbers are 1-based spreadsheet rows (the header is row 1), matching A1 formulas.
 * Values are printed inside quotes with control characters escaped, so no cell can inject terminal
 * escape sequences or fake extra lines.
 */
export function renderDiffText(
  diff: LedgerDiff,
  funds: readonly FundDelta[],
  opts: TextReportOptions,
): string {
  const paint = (code: keyof typeof SGR, s: string): string =>
    opts.color ? `\x1b[${SGR[code]}m${s}\x1b[0m` : s;
  const zh = opts.lang === 'zh';
  const lines: string[] = [];
  lines.push(paint('bold', `ledger diff ${show(opts.oldName)} → ${show(opts.newName)}`));
  lines.push(
    paint(
      'dim',
      diff.matchedBy === 'id'
        ? zh
          ? '按编号匹配行'
          : 'rows matched by id (编号)'
        : zh
          ? '无编号列：按内容匹配行'
          : 'no id column: rows matched by content',
    ),
  );
  for (const c of diff.columns) {
    if (c.kind === 'added') lines.push(paint('green', `+ column ${show(c.newName ?? '')}`));
    else if (c.kind === 'removed') lines.push(paint('red', `- column ${show(c.oldName ?? '')}`));
    else if (c.kind === 'renamed')
      lines.push(paint('yellow', `~ column ${show(c.oldName ?? '')} → ${show(c.newName ?? '')}`));
    else lines.push(paint('cyan', `↕ column ${show(c.newName ?? '')} moved`));
  }
  const limit = opts.maxRows ?? Infinity;
  diff.rows.slice(0, limit).forEach((r) => lines.push(rowLine(r, diff, paint)));
  if (diff.rows.length > limit) lines.push(`… ${diff.rows.length - limit} more rows`);
  const s = diff.stats;
  lines.push(
    paint(
      'bold',
      `${s.changed} changed (${s.cellsChanged} cells), ${s.added} added, ${s.removed} removed, ` +
        `${s.moved} moved, ${s.unchanged} unchanged`,
    ),
  );
  for (const f of funds) lines.push(paint('cyan', `  ${show(zh ? f.message.zh : f.message.en)}`));
  return lines.join('\n') + '\n';
}

function rowLine(
  r: RowChange,
  diff: LedgerDiff,
  paint: (code: keyof typeof SGR, s: string) => string,
): string {
  const id = r.id !== '' ? ` [${show(r.id)}]` : '';
  if (r.kind === 'added')
    return paint('green', `+ row ${(r.newRow ?? 0) + 1}${id}: ${values(r.values)}`);
  if (r.kind === 'removed')
    return paint('red', `- row ${(r.oldRow ?? 0) + 1} (old)${id}: ${values(r.values)}`);
  const where = `row ${(r.newRow ?? 0) + 1}${id}`;
  const moved = r.moved ? ` (moved from row ${(r.oldRow ?? 0) + 1})` : '';
  if (r.cells.length === 0) return paint('cyan', `↕ ${where}${moved}`);
  const cells = r.cells
    .map(
      (c) =>
        `${show(c.column || diff.newHeader[c.newCol] || `#${c.newCol + 1}`)}: ${quote(c.old)} → ${quote(c.new)}`,
    )
    .join('; ');
  return paint('yellow', `~ ${where}${moved} ${cells}`);
}

function values(v: readonly string[] | undefined): string {
  return (v ?? []).map(quote).join(', ');
}

function quote(s: string): string {
  return `"${show(s)}"`;
}

/** Escapes control and bidi characters (ESC, CR, LF, RLO…) so terminal output shows data, never codes. */
export function show(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
