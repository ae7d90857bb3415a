import type { LedgerDiff, RowChange } from './diff';
import type { FundDelta } from './funds';

export interface HtmlReportOptions {
  readonly lang?: 'en' | 'zh';
  /** ISO timestamp printed in the footer; passed in so the output is reproducible in tests. */
  readonly generated?: string;
}

/** One compared file of the report. */
export interface HtmlSection {
  readonly diff: LedgerDiff;
  readonly funds: readonly FundDelta[];
  readonly oldName: string;
  readonly newName: string;
}

/** Escapes the five HTML-significant characters; every piece of user text goes through here. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const CSS = `body{font:14px/1.4 system-ui,"Microsoft YaHei",sans-serif;margin:24px;color:#1f2328}
h1{font-size:18px}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:3px 8px;vertical-align:top;white-space:pre-wrap}
th{background:#f6f8fa}.add{background:#dafbe1}.del{background:#ffebe9;text-decoration:line-through}
.chg{background:#fff8c5}.old{color:#82071e;text-decoration:line-through;display:block}.new{color:#116329;display:block}
.mv{color:#8250df}.funds li{margin:2px 0}.meta{color:#57606a}`;

/**
 * A standalone HTML page for attaching to a review: no script, no external resource, a CSP that
 * forbids both, and every cell, header, id and file name HTML-escaped.
 */
export function renderDiffHtml(sections: readonly HtmlSection[], opts: HtmlReportOptions): string {
  const e = escapeHtml;
  const title =
    sections.length === 1 && sections[0]
      ? `Ledger diff: ${sections[0].oldName} → ${sections[0].newName}`
      : `Ledger diff: ${sections.length} files`;
  return `<!DOCTYPE html>
<html lang="${opts.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title><style>${CSS}</style></head><body>
${sections.map((x) => sectionHtml(x, opts.lang === 'zh')).join('\n')}
${opts.generated ? `<p class="meta">Generated ${e(opts.generated)} by fund-ledger diff.</p>` : ''}
</body></html>
`;
}

function sectionHtml(x: HtmlSection, zh: boolean): string {
  const e = escapeHtml;
  const { diff, funds } = x;
  const s = diff.stats;
  const header = diff.newHeader.map((h) => `<th>${e(h)}</th>`).join('');
  const body = diff.rows.map((r) => rowHtml(r, diff)).join('\n');
  const cols = diff.columns
    .map((c) => {
      const label =
        c.kind === 'renamed'
          ? `${e(c.oldName ?? '')} → ${e(c.newName ?? '')}`
          : e(c.newName ?? c.oldName ?? '');
      return `<li>${c.kind}: ${label}</li>`;
    })
    .join('');
  const fundList = funds.map((f) => `<li>${e(zh ? f.message.zh : f.message.en)}</li>`).join('');
  return `<section>
<h1>${e(x.oldName)} → ${e(x.newName)}</h1>
<p class="meta">${diff.matchedBy === 'id' ? 'Rows matched by id (编号).' : 'No id column: rows matched by content.'}
${s.changed} changed (${s.cellsChanged} cells), ${s.added} added, ${s.removed} removed, ${s.moved} moved, ${s.unchanged} unchanged.</p>
${fundList ? `<h2>Fund totals</h2><ul class="funds">${fundList}</ul>` : ''}
${cols ? `<h2>Columns</h2><ul>${cols}</ul>` : ''}
<table><thead><tr><th>row</th>${header}</tr></thead><tbody>
${body}
</tbody></table>
</section>`;
}

function rowHtml(r: RowChange, diff: LedgerDiff): string {
  const e = escapeHtml;
  if (r.kind === 'added' || r.kind === 'removed') {
    const cls = r.kind === 'added' ? 'add' : 'del';
    const n = r.kind === 'added' ? `+${(r.newRow ?? 0) + 1}` : `−${(r.oldRow ?? 0) + 1}`;
    // Removed rows are laid out in the old file's columns; map them onto the new header by name.
    const vals =
      r.kind === 'added'
        ? (r.values ?? [])
        : diff.newHeader.map((h) => {
            const oc = diff.oldHeader.indexOf(h);
            return oc >= 0 ? (r.values?.[oc] ?? '') : '';
          });
    return `<tr class="${cls}"><td>${n}</td>${vals.map((v) => `<td>${e(v)}</td>`).join('')}</tr>`;
  }
  const changed = new Map(r.cells.map((c) => [c.newCol, c]));
  const cells = diff.newHeader
    .map((_h, col) => {
      const c = changed.get(col);
      if (!c) return `<td>${e(r.values?.[col] ?? '')}</td>`;
      return `<td class="chg"><span class="old">${e(c.old)}</span><span class="new">${e(c.new)}</span></td>`;
    })
    .join('');
  const moved = r.moved ? ` <span class="mv">(moved from ${(r.oldRow ?? 0) + 1})</span>` : '';
  const id = r.id !== '' ? ` ${e(r.id)}` : '';
  return `<tr><td>${(r.newRow ?? 0) + 1}${id}${moved}</td>${cells}</tr>`;
}
