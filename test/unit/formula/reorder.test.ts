import * as assert from 'node:assert/strict';
import { reorderRowReferences } from '../../../src/core/formula';

/** newRow from the order rows were put in: order[i] is the old row now at i + 1 (header fixed). */
function moved(order: number[]): Int32Array {
  const m = new Int32Array(order.length + 1);
  order.forEach((old, i) => (m[old] = i + 1));
  return m;
}

describe('reorderRowReferences (Sort File By…)', () => {
  // Rows 1..4 (F2..F5) reversed: F2↔F5, F3↔F4.
  const reversed = moved([4, 3, 2, 1]);

  it('single references follow their rows, $ and columns kept', () => {
    assert.deepEqual(reorderRowReferences('=F3*2+$G$2', reversed), {
      text: '=F4*2+$G$5',
      ok: true,
    });
    assert.deepEqual(reorderRowReferences('=F1+F9', reversed), { text: '=F1+F9', ok: true });
  });

  it('a range whose rows stay one block names the same cells', () => {
    assert.deepEqual(reorderRowReferences('=SUM(F2:F5)', reversed), {
      text: '=SUM(F2:F5)',
      ok: true,
    });
    // Rows 2..3 (F3:F4) become rows 3..2: the same block, written low to high.
    assert.deepEqual(reorderRowReferences('=SUM(F3:F4)', reversed).text, '=SUM(F3:F4)');
    // A block that moved as a whole: rows 1..2 go to 3..4.
    assert.deepEqual(reorderRowReferences('=SUM(F2:F3)+F6', moved([3, 4, 1, 2])), {
      text: '=SUM(F4:F5)+F6',
      ok: true,
    });
    // A range written high to low keeps its orientation; one reaching past the moved rows too.
    assert.equal(reorderRowReferences('=SUM(F3:F2)', moved([3, 4, 1, 2])).text, '=SUM(F5:F4)');
    assert.equal(reorderRowReferences('=SUM(F2:F20)', reversed).text, '=SUM(F2:F20)');
  });

  it('a range the new order splits up cannot be rewritten', () => {
    // Rows 1..2 go to 1 and 3.
    const r = reorderRowReferences('=SUM(F2:F3)*2', moved([1, 3, 2, 4]));
    assert.deepEqual(r, { text: '=SUM(F2:F3)*2', ok: false });
    assert.equal(reorderRowReferences('=SUM(F4:F9)', moved([1, 3, 2, 4])).ok, false);
  });

  it('leaves whole columns, row ids, strings and numbers alone', () => {
    const f = '=SUMIFS(G:G, C:C, "F3") + {QF-1:F3} + {:金额} + 1e3';
    assert.deepEqual(reorderRowReferences(f, reversed), { text: f, ok: true });
    assert.deepEqual(reorderRowReferences('not a formula F3', reversed).text, 'not a formula F3');
  });
});
