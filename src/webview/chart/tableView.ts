// The accessible table: a real <table> with a caption and column headers, one row per target and
// per drill-down part, each with a button that opens the grid on its rows. Text via textContent only.
import type { Hit } from './marks';
import type { TableModel } from './tableModel';
import type { Translate } from './format';

export function renderTable(
  table: HTMLTableElement,
  model: TableModel,
  caption: string,
  t: Translate,
  reveal: (hit: Hit) => void,
): void {
  const cap = document.createElement('caption');
  cap.textContent = caption;
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  for (const [i, h] of model.headers.entries()) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    if (model.numeric.includes(i)) th.className = 'num';
    hr.append(th);
  }
  const rowsTh = document.createElement('th');
  rowsTh.scope = 'col';
  rowsTh.textContent = t('Ledger rows');
  hr.append(rowsTh);
  head.append(hr);

  const body = document.createElement('tbody');
  for (const row of model.rows) {
    const tr = document.createElement('tr');
    tr.className = `level${row.level} status-${row.status}`;
    tr.dataset['bar'] = row.hit.bar;
    tr.dataset['part'] = row.hit.part ?? '';
    for (const [i, text] of row.cells.entries()) {
      // The fund names its row for screen readers.
      const isHeader = row.level === 0 && i === model.fundColumn;
      const cell = document.createElement(isHeader ? 'th' : 'td');
      if (isHeader) (cell as HTMLTableCellElement).scope = 'row';
      if (model.numeric.includes(i)) cell.className = 'num';
      cell.textContent = text;
      tr.append(cell);
    }
    const action = document.createElement('td');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link reveal';
    b.textContent = t('Show {0} rows', String(row.rowCount));
    b.disabled = row.rowCount === 0;
    b.addEventListener('click', () => reveal(row.hit));
    action.append(b);
    tr.append(action);
    body.append(tr);
  }
  table.replaceChildren(cap, head, body);
}
