// What a cell shows. For now the raw value, numbers right-aligned; formulas and money come with the core.
import type { GridModel } from './gridModel';
import type { CellPresentation } from './gridView';

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export class BasicPresenter {
  present(model: GridModel, row: number, col: number): CellPresentation {
    const raw = model.raw(row, col);
    if (row === 0) return { text: raw, className: 'header', title: raw.length > 20 ? raw : '' };
    return { text: raw, className: NUMBER.test(raw.trim()) ? 'num' : '', title: '' };
  }
}
