import * as assert from 'node:assert/strict';
import { applyEdit, scanCsv } from '../../../src/core/csv';
import { mergeLedgers } from '../../../src/core/merge/merge';
import { findConflicts, resolutionEdits } from '../../../src/core/merge/resolve';

const H = '编号,资金,类型,金额,备注\n';
const BASE = H + 'A1,F,拨付,100.00,\nA2,F,拨付,200.00,\nA3,F,拨付,300.00,\n';

function applyAll(text: string, edits: readonly { start: number; end: number; text: string }[]) {
  return [...edits].reverse().reduce((t, e) => applyEdit(t, e), text);
}

describe('resolving conflict cells', () => {
  it('finds conflict cells and writes the chosen values with minimal edits', () => {
    const merged = mergeLedgers(
      BASE,
      BASE.replace('200.00', '250.00').replace('A3,F,拨付,300.00,', 'A3,F,拨付,300.00,mine'),
      BASE.replace('200.00', '260.00').replace('A3,F,拨付,300.00,', 'A3,F,拨付,300.00,yours'),
    ).text;
    const table = scanCsv(merged);
    const found = findConflicts(table);
    assert.deepEqual(
      found.map((c) => [c.row, c.col, c.id, c.column, c.ours, c.theirs, c.rowDeletedBy]),
      [
        [2, 3, 'A2', '金额', '250.00', '260.00', null],
        [3, 4, 'A3', '备注', 'mine', 'yours', null],
      ],
    );
    const edits = resolutionEdits(table, [
      { row: 2, col: 3, value: '260.00', deleteRow: false },
      { row: 3, col: 4, value: 'both, agreed', deleteRow: false },
      { row: 1, col: 3, value: 'forged', deleteRow: false },
    ]);
    assert.equal(
      applyAll(merged, edits),
      H + 'A1,F,拨付,100.00,\nA2,F,拨付,260.00,\nA3,F,拨付,300.00,"both, agreed"\n',
    );
  });

  it('deletes the row when the deleting side is chosen in a delete/edit conflict', () => {
    const merged = mergeLedgers(
      BASE,
      BASE.replace('A2,F,拨付,200.00,\n', ''),
      BASE.replace('200.00', '222.00'),
    ).text;
    const table = scanCsv(merged);
    const [c] = findConflicts(table);
    assert.equal(c?.rowDeletedBy, 'ours');
    assert.equal(c?.id, 'A2');
    const edits = resolutionEdits(table, [{ row: 2, col: 0, value: '', deleteRow: true }]);
    assert.equal(applyAll(merged, edits), BASE.replace('A2,F,拨付,200.00,\n', ''));
    const keep = resolutionEdits(table, [{ row: 2, col: 0, value: 'A2', deleteRow: false }]);
    assert.equal(applyAll(merged, keep), BASE.replace('200.00', '222.00'));
  });
});
