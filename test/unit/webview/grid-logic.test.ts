// Pure logic behind the grid webview: layout, selection, Ctrl+Arrow jumps, views, fill down, and the
// document mirror's in-place change detection that drives incremental recalculation.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdit, editCell, scanCsv } from '../../../src/core/csv';
import { shiftFormula } from '../../../src/webview/grid/fillFormula';
import { GridModel } from '../../../src/webview/grid/gridModel';
import { ColumnLayout, columnLetters, visibleRange } from '../../../src/webview/grid/layout';
import { compareKeys, RowOrder, type CellKey } from '../../../src/webview/grid/rowOrder';
import { jumpTarget, Selection } from '../../../src/webview/grid/selection';

describe('grid layout', () => {
  it('names columns like a spreadsheet', () => {
    assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters), [
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('finds the column under an x position, and clamps widths', () => {
    const layout = new ColumnLayout([100, 10, 5000]);
    layout.ensure(4);
    assert.equal(layout.width(1), 32);
    assert.equal(layout.width(2), 2000);
    assert.equal(layout.left(3), 100 + 32 + 2000);
    assert.equal(layout.columnAt(0), 0);
    assert.equal(layout.columnAt(99), 0);
    assert.equal(layout.columnAt(100), 1);
    assert.equal(layout.columnAt(1e9), 3);
  });

  it('keeps the rendered window bounded whatever the row count', () => {
    const r = visibleRange(22 * 500_000, 800, 22, 700_000, 8);
    assert.ok(r.last - r.first + 1 <= 800 / 22 + 2 * 8 + 2);
    assert.deepEqual(visibleRange(0, 100, 22, 0, 8), { first: 0, last: -1 });
  });
});

describe('grid selection', () => {
  it('extends with Shift and collapses without, clamped to the sheet', () => {
    const s = new Selection(10, 5);
    s.set({ row: 2, col: 1 });
    s.moveBy(3, 2, true);
    assert.deepEqual(s.rect(), { top: 2, bottom: 5, left: 1, right: 3 });
    s.moveBy(100, 100, false);
    assert.deepEqual(s.rect(), { top: 9, bottom: 9, left: 4, right: 4 });
    s.moveBy(-100, -100, true);
    assert.ok(s.contains(0, 0) && s.contains(9, 4));
  });

  it('Ctrl+Arrow jumps to the edge of a run, or to the next filled cell', () => {
    const filled = [true, true, true, false, false, true, false];
    const at = (i: number): boolean => filled[i] ?? false;
    assert.equal(jumpTarget(0, 1, filled.length, at), 2);
    assert.equal(jumpTarget(2, 1, filled.length, at), 5);
    assert.equal(jumpTarget(5, 1, filled.length, at), 6);
    assert.equal(jumpTarget(5, -1, filled.length, at), 2);
    assert.equal(jumpTarget(0, -1, filled.length, at), 0);
  });
});

describe('grid views (sort and filter)', () => {
  const values = ['header', '30', 'b', '', '100', 'a', '30'];
  const key = (row: number): CellKey => {
    const v = values[row] ?? '';
    return /^\d+$/.test(v) ? { kind: 'number', value: BigInt(v) } : { kind: 'text', value: v };
  };

  it('sorts numbers before text, empty last, stably', () => {
    const order = new RowOrder();
    order.sort = { col: 0, descending: false };
    order.recompute(values.length, key, (row) => values[row] ?? '');
    const shown = Array.from({ length: order.count(values.length) }, (_, i) => order.fileRow(i));
    assert.deepEqual(shown, [0, 1, 6, 4, 5, 2, 3]);
    assert.equal(order.displayRow(4), 3);
  });

  it('filters rows by text and maps back to file rows', () => {
    const order = new RowOrder();
    order.filter = 'A';
    order.recompute(values.length, key, (row) => values[row] ?? '');
    assert.equal(order.count(values.length), 2);
    assert.equal(order.fileRow(1), 5);
    assert.equal(order.displayRow(1), -1);
    order.clear();
    order.recompute(values.length, key, (row) => values[row] ?? '');
    assert.equal(order.active, false);
    assert.equal(order.fileRow(3), 3);
  });

  it('compares exact amounts without floating point', () => {
    const a: CellKey = { kind: 'number', value: 10000000000000001n };
    const b: CellKey = { kind: 'number', value: 10000000000000000n };
    assert.equal(compareKeys(a, b), 1);
  });
});

describe('fill down', () => {
  it('shifts relative references only', () => {
    assert.equal(shiftFormula('=F2*G2+$H$2+H$2', 3), '=F5*G5+$H$2+H$2');
    assert.equal(shiftFormula('=SUM(G2:G9)', 1), '=SUM(G3:G10)');
    assert.equal(shiftFormula('="A1"&{E1:金额}&LOG10(A1)', 1), '="A1"&{E1:金额}&LOG10(A2)');
    assert.equal(shiftFormula('=A1', -1), '=#REF!');
    assert.equal(shiftFormula('plain A1', 1), 'plain A1');
  });
});

describe('grid document mirror', () => {
  const text = 'a,b,c\r\n1,"x,y",3\r\n4,5,6\r\n';

  it('reports an edit inside one cell as that cell', () => {
    const model = new GridModel();
    model.reset(text, 1, false, null);
    const edit = editCell(scanCsv(text), 1, 1, 'changed');
    const next = applyEdit(text, edit);
    const changed = model.applySplices([edit], 2, next.length);
    assert.deepEqual(changed, { row: 1, col: 1 });
    assert.equal(model.raw(1, 1), 'changed');
    assert.equal(model.text, next);
  });

  it('reports structural edits as many, and drift as null', () => {
    const model = new GridModel();
    model.reset(text, 1, false, null);
    assert.equal(
      model.applySplices([{ start: 7, end: 7, text: 'z\r\n' }], 2, text.length + 3),
      'many',
    );
    assert.equal(model.rowCount, 4);
    assert.equal(model.applySplices([{ start: 0, end: 1, text: 'q' }], 3, 1), null);
  });

  it('matches a fresh scan after any sequence of cell edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.string({ maxLength: 6 })), { maxLength: 12 }),
        (edits) => {
          const model = new GridModel();
          model.reset(text, 0, false, null);
          let current = text;
          for (const [row, col, value] of edits) {
            const edit = editCell(scanCsv(current), row, col, value);
            current = applyEdit(current, edit);
            assert.notEqual(model.applySplices([edit], 1, current.length), null);
          }
          const fresh = scanCsv(current);
          assert.equal(model.rowCount, fresh.rowCount);
          for (let r = 0; r < fresh.rowCount; r++) {
            assert.deepEqual(model.table.rowValues(r), fresh.rowValues(r));
          }
        },
      ),
    );
  });
});

describe('ColumnLayout.fitGutter', () => {
  it('widens the row-number gutter for six-digit row numbers and reports the change once', () => {
    const layout = new ColumnLayout();
    assert.equal(layout.fitGutter(999), false);
    assert.equal(layout.gutter, 48);
    assert.equal(layout.fitGutter(460_002), true);
    assert.equal(layout.gutter, 64);
    assert.equal(layout.fitGutter(460_003), false);
    assert.equal(layout.fitGutter(10), true);
    assert.equal(layout.gutter, 48);
  });
});
