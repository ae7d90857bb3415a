// Grid diff view: fund-total changes on top, then the differing rows as a table. Changed cells are
// highlighted and show the old value on hover; added and removed rows are marked. Every piece of
// ledger text goes into the DOM through textContent or an attribute value, never as markup.
import type {
  DiffFromWebview,
  DiffToWebview,
  DiffViewModel,
  DiffViewRow,
} from '../../shared/protocol';
import { vscodeHandle } from '../shared/vscodeHandle';

const vscode = vscodeHandle<DiffFromWebview, never>();

const TEXT = {
  en: {
    matchedById: 'Rows matched by id (编号).',
    matchedByContent: 'No id column: rows matched by content.',
    summary: (s: DiffViewModel['summary']) =>
      `${s.changed} changed (${s.cells} cells), ${s.added} added, ${s.removed} removed, ${s.moved} moved, ${s.unchanged} unchanged`,
    funds: 'Fund totals',
    columns: 'Columns',
    noChanges: 'No differences.',
    was: 'was: ',
    movedFrom: (n: number) => `moved from row ${n}`,
    omitted: (n: number) => `${n} more rows not shown.`,
    row: 'Row',
  },
  zh: {
    matchedById: '按编号匹配行。',
    matchedByContent: '无编号列：按内容匹配行。',
    summary: (s: DiffViewModel['summary']) =>
      `修改 ${s.changed} 行（${s.cells} 个单元格），新增 ${s.added} 行，删除 ${s.removed} 行，移动 ${s.moved} 行，未变 ${s.unchanged} 行`,
    funds: '资金合计',
    columns: '列',
    noChanges: '没有差异。',
    was: '原值：',
    movedFrom: (n: number) => `自第 ${n} 行移来`,
    omitted: (n: number) => `另有 ${n} 行未显示。`,
    row: '行',
  },
};
type Strings = (typeof TEXT)['en'];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render(model: DiffViewModel, t: Strings): void {
  document.body.replaceChildren();
  const h = el('h1', undefined, `${model.oldName} → ${model.newName}`);
  const meta = el('p', 'meta', model.matchedBy === 'id' ? t.matchedById : t.matchedByContent);
  const summary = el('p', 'summary', t.summary(model.summary));
  document.body.append(h, meta, summary);
  if (model.funds.length > 0) {
    const list = el('ul', 'funds');
    for (const f of model.funds) list.append(el('li', undefined, f));
    document.body.append(el('h2', undefined, t.funds), list);
  }
  if (model.columns.length > 0) {
    const list = el('ul', 'columns');
    for (const c of model.columns) list.append(el('li', undefined, c));
    document.body.append(el('h2', undefined, t.columns), list);
  }
  if (model.rows.length === 0) {
    document.body.append(el('p', 'empty', t.noChanges));
    return;
  }
  const table = el('table', 'diff-grid');
  table.setAttribute('role', 'grid');
  const head = el('tr');
  head.append(el('th', undefined, t.row));
  for (const name of model.header) head.append(el('th', undefined, name));
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  const body = table.tBodies[0] as HTMLTableSectionElement;
  for (const r of model.rows) body.append(rowElement(r, model.header.length, t));
  document.body.append(table);
  if (model.omittedRows > 0) document.body.append(el('p', 'meta', t.omitted(model.omittedRows)));
}

function rowElement(r: DiffViewRow, width: number, t: Strings): HTMLTableRowElement {
  const tr = el('tr', `row-${r.kind}${r.moved ? ' row-moved' : ''}`);
  tr.dataset['kind'] = r.kind;
  const mark =
    r.kind === 'added' ? '+' : r.kind === 'removed' ? '−' : r.kind === 'moved' ? '↕' : '~';
  const n = r.kind === 'removed' ? (r.oldRow ?? 0) + 1 : (r.newRow ?? 0) + 1;
  const label = el('th', 'row-label', `${mark} ${n}${r.id ? ` ${r.id}` : ''}`);
  if (r.moved && r.oldRow !== null) label.title = t.movedFrom(r.oldRow + 1);
  tr.append(label);
  const changed = new Map(r.cells.map((c) => [c.newCol, c]));
  for (let col = 0; col < Math.max(width, r.values.length); col++) {
    const td = el('td', undefined, r.values[col] ?? '');
    td.setAttribute('role', 'gridcell');
    const c = changed.get(col);
    if (c) {
      td.className = 'cell-changed';
      td.title = `${t.was}${c.old}`;
      td.dataset['old'] = c.old;
    }
    tr.append(td);
  }
  const target = r.newRow;
  if (target !== null) {
    tr.classList.add('clickable');
    tr.addEventListener('click', () => vscode.post({ type: 'diffReveal', row: target }));
  }
  return tr;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = event.data as Partial<DiffToWebview> | null;
  if (m?.type === 'diffInit' && m.model) render(m.model, TEXT[m.language === 'zh' ? 'zh' : 'en']);
});
vscode.post({ type: 'diffReady' });
