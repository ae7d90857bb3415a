// Virtualised grid rendering: only rows and columns in view (plus a little overscan) exist in the DOM,
// and their elements are recycled as the user scrolls. Text goes in with textContent only.
import { ColumnLayout, HEAD_HEIGHT, ROW_HEIGHT, columnLetters, visibleRange } from './layout';

export interface CellPresentation {
  text: string;
  /** Space-separated extra classes, e.g. `num`, `formula`, `error`. */
  className: string;
  /** Tooltip (error message, full value); '' for none. */
  title: string;
}

export interface GridSource {
  /** Display rows, header included. */
  rowCount(): number;
  /** The file row shown at a display row (sort and filter are views). */
  fileRow(displayRow: number): number;
  columnCount(): number;
  present(row: number, col: number): CellPresentation;
  /** Changes whenever anything a cell shows may have changed. */
  epoch(): number;
  isSelected(row: number, col: number): boolean;
  isActive(row: number, col: number): boolean;
}

interface CellView {
  el: HTMLDivElement;
  key: string;
}

interface RowView {
  el: HTMLDivElement;
  num: HTMLDivElement;
  cells: CellView[];
  row: number;
}

const OVERSCAN_ROWS = 8;
const OVERSCAN_COLS = 2;

function div(className: string): HTMLDivElement {
  const el = document.createElement('div');
  el.className = className;
  return el;
}

export class GridView {
  readonly viewport = div('viewport');
  readonly body = div('body');
  readonly head = div('head');
  private readonly letters = div('head-letters');
  private readonly headRow: RowView;
  private readonly rows: RowView[] = [];
  private readonly corner = div('corner');
  private letterCells: CellView[] = [];
  private frame = 0;

  constructor(
    readonly layout: ColumnLayout,
    private readonly source: GridSource,
  ) {
    this.viewport.tabIndex = 0;
    this.viewport.setAttribute('role', 'grid');
    this.corner.appendChild(document.createTextNode(''));
    this.letters.appendChild(this.corner);
    this.headRow = this.makeRow('row header-row');
    this.head.append(this.letters, this.headRow.el);
    this.viewport.append(this.head, this.body);
    this.viewport.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
  }

  /** Render on the next frame (coalesces bursts of scroll events and updates). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  render(): void {
    const rowCount = this.source.rowCount();
    const colCount = this.source.columnCount();
    this.layout.ensure(colCount);
    // A CSS variable set through the CSSOM: allowed by the CSP, unlike a style attribute.
    if (this.layout.fitGutter(rowCount))
      this.viewport.style.setProperty('--gutter', `${this.layout.gutter}px`);
    const width = this.layout.gutter + this.layout.total;
    const bodyHeight = Math.max(rowCount - 1, 0) * ROW_HEIGHT;
    setSize(this.body, width, bodyHeight);
    setSize(this.head, width, HEAD_HEIGHT);
    this.viewport.setAttribute('aria-rowcount', String(rowCount));
    this.viewport.setAttribute('aria-colcount', String(colCount));

    const cols = this.visibleColumns(colCount);
    this.renderLetters(cols.first, cols.last);
    this.fillRow(this.headRow, 0, cols.first, cols.last, rowCount > 0);

    const top = Math.max(0, this.viewport.scrollTop);
    const visibleHeight = Math.max(0, this.viewport.clientHeight - HEAD_HEIGHT);
    const range = visibleRange(top, visibleHeight, ROW_HEIGHT, rowCount - 1, OVERSCAN_ROWS);
    const needed = range.last - range.first + 1;
    while (this.rows.length < needed) {
      const row = this.makeRow('row');
      this.rows.push(row);
      this.body.appendChild(row.el);
    }
    while (this.rows.length > needed) this.rows.pop()?.el.remove();
    // Keep each display row on the element that showed it last, so scrolling rewrites only the new rows.
    const byRow = new Map<number, RowView>();
    const free: RowView[] = [];
    for (const view of this.rows) {
      if (view.row - 1 >= range.first && view.row - 1 <= range.last) byRow.set(view.row, view);
      else free.push(view);
    }
    for (let i = range.first; i <= range.last; i++) {
      const displayRow = i + 1;
      const view = byRow.get(displayRow) ?? free.pop();
      if (!view) continue;
      if (view.row !== displayRow) {
        view.row = displayRow;
        view.el.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
      }
      this.fillRow(view, displayRow, cols.first, cols.last, true);
    }
  }

  rowCountNow(): number {
    return this.source.rowCount();
  }

  /** The display row a rendered cell element belongs to. */
  displayRowOf(el: Element): number | undefined {
    const rowEl = el.closest('.row');
    if (rowEl === this.headRow.el) return 0;
    return this.rows.find((r) => r.el === rowEl)?.row;
  }

  /** Content-box rectangle of a cell relative to the body (row ≥ 1) or the head (row 0). */
  cellRect(row: number, col: number): { left: number; top: number; width: number; height: number } {
    return {
      left: this.layout.gutter + this.layout.left(col),
      top: row === 0 ? ROW_HEIGHT : (row - 1) * ROW_HEIGHT,
      width: this.layout.width(col),
      height: ROW_HEIGHT,
    };
  }

  /** Scrolls just enough to show the cell below the frozen header and right of the row numbers. */
  reveal(row: number, col: number): void {
    const rect = this.cellRect(row, col);
    const vp = this.viewport;
    if (row > 0) {
      const top = rect.top;
      const visible = vp.clientHeight - HEAD_HEIGHT;
      if (top < vp.scrollTop) vp.scrollTop = top;
      else if (top + ROW_HEIGHT > vp.scrollTop + visible) vp.scrollTop = top + ROW_HEIGHT - visible;
    }
    const left = rect.left - this.layout.gutter;
    const visibleWidth = vp.clientWidth - this.layout.gutter;
    if (left < vp.scrollLeft) vp.scrollLeft = left;
    else if (left + rect.width > vp.scrollLeft + visibleWidth) {
      vp.scrollLeft = left + rect.width - visibleWidth;
    }
    this.schedule();
  }

  /** Rows that fit in the viewport below the header: the Page Up/Down step. */
  pageRows(): number {
    return Math.max(1, Math.floor((this.viewport.clientHeight - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
  }

  private visibleColumns(colCount: number): { first: number; last: number } {
    const x = Math.max(0, this.viewport.scrollLeft);
    const first = Math.max(0, this.layout.columnAt(x) - OVERSCAN_COLS);
    const right = this.layout.columnAt(x + this.viewport.clientWidth);
    return { first, last: Math.min(colCount - 1, right + OVERSCAN_COLS) };
  }

  private makeRow(className: string): RowView {
    const el = div(className);
    const num = div('rownum');
    el.appendChild(num);
    return { el, num, cells: [], row: -1 };
  }

  private renderLetters(first: number, last: number): void {
    this.letterCells = this.syncCells(this.letters, this.letterCells, last - first + 1, 'letter');
    for (let col = first; col <= last; col++) {
      const cell = this.letterCells[col - first];
      if (!cell) continue;
      const key = `${col}:${this.layout.gutter + this.layout.left(col)}:${this.layout.width(col)}`;
      if (cell.key === key) continue;
      cell.key = key;
      place(cell.el, this.layout.gutter + this.layout.left(col), this.layout.width(col));
      cell.el.dataset['col'] = String(col);
      const label = cell.el.firstChild ?? cell.el.appendChild(document.createTextNode(''));
      label.textContent = columnLetters(col);
      if (!cell.el.querySelector('.resizer')) cell.el.appendChild(div('resizer'));
    }
  }

  private fillRow(view: RowView, row: number, first: number, last: number, exists: boolean): void {
    const fileRow = this.source.fileRow(row);
    view.num.textContent = exists ? String(fileRow + 1) : '';
    view.cells = this.syncCells(view.el, view.cells, exists ? last - first + 1 : 0, 'cell');
    const epoch = this.source.epoch();
    for (let col = first; col <= last && exists; col++) {
      const cell = view.cells[col - first];
      if (!cell) continue;
      const active = this.source.isActive(row, col);
      const selected = this.source.isSelected(row, col);
      const left = this.layout.gutter + this.layout.left(col);
      const width = this.layout.width(col);
      const key = `${epoch}:${row}:${col}:${left}:${width}:${active ? 2 : selected ? 1 : 0}`;
      if (cell.key === key) continue;
      cell.key = key;
      const shown = this.source.present(row, col);
      place(cell.el, left, width);
      cell.el.dataset['row'] = String(this.source.fileRow(row));
      cell.el.dataset['col'] = String(col);
      cell.el.className =
        'cell' +
        (shown.className ? ` ${shown.className}` : '') +
        (selected ? ' selected' : '') +
        (active ? ' active' : '');
      cell.el.textContent = shown.text;
      if (shown.title) cell.el.title = shown.title;
      else cell.el.removeAttribute('title');
      cell.el.setAttribute('aria-selected', String(selected));
    }
  }

  private syncCells(
    parent: HTMLElement,
    cells: CellView[],
    count: number,
    className: string,
  ): CellView[] {
    while (cells.length < count) {
      const el = div(className);
      if (className === 'cell') el.setAttribute('role', 'gridcell');
      parent.appendChild(el);
      cells.push({ el, key: '' });
    }
    while (cells.length > count) cells.pop()?.el.remove();
    return cells;
  }
}

function setSize(el: HTMLElement, width: number, height: number): void {
  const w = `${width}px`;
  const h = `${height}px`;
  if (el.style.width !== w) el.style.width = w;
  if (el.style.height !== h) el.style.height = h;
}

function place(el: HTMLElement, left: number, width: number): void {
  el.style.transform = `translateX(${left}px)`;
  el.style.width = `${width}px`;
}
