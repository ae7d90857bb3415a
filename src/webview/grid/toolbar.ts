// The grid's toolbar: display unit switch, sort and filter views (the file is not reordered),
// row insertion and deletion, find. Icons are codicons; labels and tooltips are localised.
import type { GridUnitChoice } from '../../shared/protocol';
import { deleteRows, insertRows } from './editActions';
import type { FindBar } from './findBar';
import type { GridController } from './gridController';
import { t } from './l10n';
import { columnLetters } from './layout';
import { post } from './vscodeApi';

const UNITS: GridUnitChoice[] = ['asDeclared', '元', '万元', '亿元'];

export class Toolbar {
  readonly el = document.createElement('div');
  private readonly unitButtons = new Map<GridUnitChoice, HTMLButtonElement>();
  private readonly filter = document.createElement('input');
  private readonly viewLabel = document.createElement('span');
  private readonly clearView: HTMLButtonElement;
  private readonly editButtons: HTMLButtonElement[] = [];

  constructor(
    private readonly grid: GridController,
    find: FindBar,
  ) {
    this.el.className = 'toolbar';
    this.el.setAttribute('role', 'toolbar');
    const units = group();
    units.setAttribute('role', 'radiogroup');
    for (const unit of UNITS) {
      const b = textButton(unit === 'asDeclared' ? t('As declared') : unit, () =>
        post({ type: 'setDisplayUnit', unit }),
      );
      b.classList.add('unit');
      b.dataset['unit'] = unit;
      b.title =
        unit === 'asDeclared'
          ? t('Show each amount column in the unit its header declares')
          : t('Show amounts in {0}', unit);
      this.unitButtons.set(unit, b);
      units.append(b);
    }
    const view = group();
    view.append(
      iconButton(
        'arrow-up',
        t('Sort view ascending by this column (the file is not changed)'),
        () => this.sortBy(false),
      ),
      iconButton(
        'arrow-down',
        t('Sort view descending by this column (the file is not changed)'),
        () => this.sortBy(true),
      ),
      this.filter,
    );
    this.filter.className = 'filter';
    this.filter.type = 'search';
    this.filter.spellcheck = false;
    this.filter.addEventListener('keydown', (e) => e.stopPropagation());
    this.filter.addEventListener('input', () => {
      grid.order.filter = this.filter.value;
      grid.refreshOrder();
      this.refresh();
    });
    this.clearView = iconButton('clear-all', t('Show all rows in file order'), () => {
      grid.order.clear();
      this.filter.value = '';
      grid.refreshOrder();
      this.refresh();
    });
    view.append(this.clearView, this.viewLabel);
    this.viewLabel.className = 'view-label';
    const rows = group();
    const insert = iconButton('insert', t('Insert row above (Ctrl+Shift+=)'), () =>
      insertRows(grid, false),
    );
    const remove = iconButton('trash', t('Delete selected rows (Ctrl+-)'), () => deleteRows(grid));
    this.editButtons.push(insert, remove);
    rows.append(
      insert,
      remove,
      iconButton('search', t('Find (Ctrl+F)'), () => find.open()),
    );
    this.el.append(units, view, rows);
  }

  setUnit(unit: GridUnitChoice): void {
    for (const [u, b] of this.unitButtons) b.setAttribute('aria-pressed', String(u === unit));
  }

  /** Labels, the view description and enabled states, after a change or a new language bundle. */
  refresh(): void {
    this.filter.placeholder = t('Filter rows');
    const { order, model } = this.grid;
    const parts: string[] = [];
    if (order.sort) {
      const name = model.raw(0, order.sort.col) || columnLetters(order.sort.col);
      parts.push(order.sort.descending ? t('sorted by {0} ↓', name) : t('sorted by {0} ↑', name));
    }
    if (order.filter) parts.push(t('{0} rows match', this.grid.view.rowCountNow() - 1));
    this.viewLabel.textContent = parts.length ? `${t('View')}: ${parts.join(', ')}` : '';
    this.clearView.disabled = !order.active;
    for (const b of this.editButtons) b.disabled = model.readOnly;
  }

  private sortBy(descending: boolean): void {
    this.grid.order.sort = { col: this.grid.selection.active.col, descending };
    this.grid.refreshOrder();
    this.refresh();
  }
}

function group(): HTMLDivElement {
  const g = document.createElement('div');
  g.className = 'group';
  return g;
}

function textButton(label: string, action: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', action);
  return b;
}

function iconButton(icon: string, title: string, action: () => void): HTMLButtonElement {
  const b = textButton('', action);
  const i = document.createElement('span');
  i.className = `codicon codicon-${icon}`;
  b.append(i);
  b.title = title;
  b.setAttribute('aria-label', title);
  b.classList.add('icon');
  return b;
}
