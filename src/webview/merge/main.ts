// Conflict resolution view: one table row per conflict cell with ours, base and theirs, a choice of
// ours / theirs / a typed value, and Apply. Ledger text is only ever set with textContent or value.
import type { ConflictView, MergeFromWebview, MergeToWebview } from '../../shared/protocol';
import { vscodeHandle } from '../shared/vscodeHandle';

const vscode = vscodeHandle<MergeFromWebview, never>();

const TEXT = {
  en: {
    title: (f: string, n: number) => `${f}: ${n} conflict(s)`,
    none: 'No conflicts left. Save the file and stage it (git add).',
    head: ['Row', 'Id', 'Column', 'Ours', 'Base', 'Theirs', 'Other value'],
    deleted: '(row deleted)',
    apply: 'Apply chosen',
    allOurs: 'All ours',
    allTheirs: 'All theirs',
  },
  zh: {
    title: (f: string, n: number) => `${f}：${n} 处冲突`,
    none: '冲突已全部解决。请保存文件并暂存（git add）。',
    head: ['行', '编号', '列', '我方', '共同基础', '对方', '其他值'],
    deleted: '（删除该行）',
    apply: '应用所选',
    allOurs: '全部用我方',
    allTheirs: '全部用对方',
  },
};
type Strings = (typeof TEXT)['en'];
type Pick = 'ours' | 'theirs' | 'custom';

let conflicts: ConflictView[] = [];
let picks: (Pick | null)[] = [];
let custom: string[] = [];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const DELETED = '[row deleted]';

function choiceCell(i: number, side: 'ours' | 'theirs', value: string, t: Strings): HTMLElement {
  const td = el('td', side);
  const label = el('label');
  const radio = el('input');
  radio.type = 'radio';
  radio.name = `c${i}`;
  radio.checked = picks[i] === side;
  radio.addEventListener('change', () => {
    picks[i] = side;
  });
  label.append(radio, document.createTextNode(` ${value === DELETED ? t.deleted : value}`));
  td.append(label);
  return td;
}

function render(file: string, t: Strings): void {
  document.body.replaceChildren();
  document.body.append(el('h1', undefined, t.title(file, conflicts.length)));
  if (conflicts.length === 0) {
    document.body.append(el('p', 'meta', t.none));
    return;
  }
  const table = el('table', 'conflicts');
  const head = el('tr');
  for (const h of t.head) head.append(el('th', undefined, h));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  conflicts.forEach((c, i) => {
    const tr = el('tr');
    tr.append(el('td', undefined, String(c.row + 1)), el('td', undefined, c.id));
    tr.append(el('td', undefined, c.column));
    tr.append(choiceCell(i, 'ours', c.ours, t), el('td', 'base', c.base));
    tr.append(choiceCell(i, 'theirs', c.theirs, t));
    const td = el('td');
    const radio = el('input');
    radio.type = 'radio';
    radio.name = `c${i}`;
    radio.checked = picks[i] === 'custom';
    radio.addEventListener('change', () => {
      picks[i] = 'custom';
    });
    const input = el('input');
    input.type = 'text';
    input.value = custom[i] ?? '';
    input.addEventListener('input', () => {
      custom[i] = input.value;
      picks[i] = 'custom';
      radio.checked = true;
    });
    td.append(radio, input);
    tr.append(td);
    tbody.append(tr);
  });
  table.append(thead, tbody);
  const setAll = (side: 'ours' | 'theirs') => () => {
    picks = conflicts.map(() => side);
    render(file, t);
  };
  const ours = el('button', undefined, t.allOurs);
  ours.addEventListener('click', setAll('ours'));
  const theirs = el('button', undefined, t.allTheirs);
  theirs.addEventListener('click', setAll('theirs'));
  const apply = el('button', 'apply', t.apply);
  apply.addEventListener('click', () => vscode.post({ type: 'mergeResolve', choices: choices() }));
  document.body.append(table, ours, theirs, apply);
}

function choices(): { row: number; col: number; value: string; deleteRow: boolean }[] {
  const out: { row: number; col: number; value: string; deleteRow: boolean }[] = [];
  conflicts.forEach((c, i) => {
    const p = picks[i];
    if (!p) return;
    const value = p === 'ours' ? c.ours : p === 'theirs' ? c.theirs : (custom[i] ?? '');
    const deleteRow = p !== 'custom' && c.rowDeletedBy === p;
    out.push({ row: c.row, col: c.col, value, deleteRow });
  });
  return out;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = event.data as Partial<MergeToWebview> | null;
  if (m?.type !== 'mergeConflicts' || !Array.isArray(m.conflicts)) return;
  conflicts = m.conflicts;
  picks = conflicts.map(() => null);
  custom = conflicts.map(() => '');
  render(m.file ?? '', TEXT[m.language === 'zh' ? 'zh' : 'en']);
});
vscode.post({ type: 'mergeReady' });
