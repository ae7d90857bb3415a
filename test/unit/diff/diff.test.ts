import * as assert from 'node:assert/strict';
import { scanCsv } from '../../../src/core/csv';
import { diffGrids } from '../../../src/core/diff/diff';
import { gridFromCells, gridFromTable } from '../../../src/core/diff/grid';
import { matchSequences } from '../../../src/core/diff/sequence';

const csv = (text: string) => gridFromTable(scanCsv(text));
const H = '编号,资金,类型,金额,备注\n';

describe('diffGrids: rows matched by id', () => {
  it('reports changed cells old → new and nothing for untouched rows', () => {
    const d = diffGrids(
      csv(H + 'A1,FD-X,拨付,100.00,\nA2,FD-X,拨付,200.00,\n'),
      csv(H + 'A1,FD-X,拨付,100.00,\nA2,FD-X,拨付,250.00,late\n'),
    );
    assert.equal(d.matchedBy, 'id');
    assert.equal(d.rows.length, 1);
    const r = d.rows[0];
    assert.equal(r?.kind, 'changed');
    assert.equal(r?.id, 'A2');
    assert.deepEqual(
      r?.cells.map((c) => [c.column, c.old, c.new]),
      [
        ['金额', '200.00', '250.00'],
        ['备注', '', 'late'],
      ],
    );
    assert.deepEqual(d.stats, {
      unchanged: 1,
      changed: 1,
      added: 0,
      removed: 0,
      moved: 0,
      cellsChanged: 2,
    });
  });

  it('finds added, removed and moved rows, with removed rows placed after their old neighbour', () => {
    const d = diffGrids(
      csv(H + 'A1,F,拨付,1,\nA2,F,拨付,2,\nA3,F,拨付,3,\nA4,F,拨付,4,\n'),
      csv(H + 'A3,F,拨付,3,\nA1,F,拨付,1,\nA4,F,拨付,4,\nA5,F,拨付,5,\n'),
    );
    assert.deepEqual(
      d.rows.map((r) => [r.kind, r.id, r.oldRow ?? null, r.newRow ?? null]),
      [
        ['moved', 'A1', 1, 2],
        ['removed', 'A2', 2, null],
        ['added', 'A5', null, 4],
      ],
    );
    assert.deepEqual(d.rows[2]?.values, ['A5', 'F', '拨付', '5', '']);
  });

  it('ignores a change of quoting that keeps the values', () => {
    const d = diffGrids(csv(H + 'A1,F,拨付,1,x\n'), csv(H + 'A1,"F",拨付,1,"x"\n'));
    assert.equal(d.rows.length, 0);
    assert.equal(d.stats.unchanged, 1);
  });

  it('matches columns by name: reordered, added, removed and renamed by role', () => {
    const d = diffGrids(
      csv('编号,资金,金额,备注\nA1,F,1,n\nA2,F,2,m\n'),
      csv('id,金额(万元),资金,摘要\nA1,1,F,d\nA2,3,F,e\n'),
    );
    const kinds = d.columns.map((c) => `${c.kind}:${c.oldName ?? ''}>${c.newName ?? ''}`);
    assert.ok(kinds.includes('removed:备注>'));
    assert.ok(kinds.includes('added:>摘要'));
    assert.ok(kinds.includes('renamed:编号>id'));
    assert.ok(kinds.includes('renamed:金额>金额(万元)'));
    assert.ok(kinds.some((k) => k.startsWith('moved:')));
    assert.deepEqual(
      d.rows.map((r) => r.cells.map((c) => `${r.id}:${c.old}>${c.new}`)),
      [['A2:2>3']],
    );
  });
});

describe('diffGrids: fallback without an id column', () => {
  it('aligns by content, pairs edited rows by similarity and sees moves', () => {
    const oldG = gridFromCells([
      ['fund', 'amount', 'note'],
      ['a', '1', 'x'],
      ['b', '2', 'y'],
      ['c', '3', 'z'],
      ['d', '4', 'w'],
      ['e', '5', 'v'],
      ['f', '6', 'u'],
    ]);
    const newG = gridFromCells([
      ['fund', 'amount', 'note'],
      ['d', '4', 'w'],
      ['a', '1', 'x'],
      ['b', '9', 'y'],
      ['c', '3', 'z'],
      ['e', '5', 'v'],
      ['g', '7', 't'],
    ]);
    const d = diffGrids(oldG, newG);
    assert.equal(d.matchedBy, 'content');
    assert.deepEqual(
      d.rows.map((r) => [r.kind, r.oldRow ?? null, r.newRow ?? null]),
      [
        ['moved', 4, 1],
        ['changed', 2, 3],
        ['removed', 6, null],
        ['added', null, 6],
      ],
    );
    assert.deepEqual(
      d.rows[1]?.cells.map((c) => [c.old, c.new]),
      [['2', '9']],
    );
  });

  it('keeps repeated identical rows apart (k-th with k-th)', () => {
    const row = ['x', '1'];
    const d = diffGrids(
      gridFromCells([['a', 'b'], row, row, row]),
      gridFromCells([['a', 'b'], row, ['y', '2'], row, row]),
    );
    assert.deepEqual(
      d.rows.map((r) => [r.kind, r.newRow]),
      [['added', 2]],
    );
  });
});

describe('matchSequences', () => {
  it('finds a longest common subsequence on small inputs', () => {
    const pairs = matchSequences(['a', 'b', 'c', 'a', 'b'], ['b', 'a', 'b', 'c']);
    assert.equal(pairs.length, 3);
    for (let k = 1; k < pairs.length; k++) {
      assert.ok((pairs[k]?.[0] ?? 0) > (pairs[k - 1]?.[0] ?? 0));
      assert.ok((pairs[k]?.[1] ?? 0) > (pairs[k - 1]?.[1] ?? 0));
    }
  });
});
