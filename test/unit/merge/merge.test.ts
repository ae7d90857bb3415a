import * as assert from 'node:assert/strict';
import { scanCsv } from '../../../src/core/csv';
import { mergeLedgers } from '../../../src/core/merge/merge';
import { parseConflict } from '../../../src/core/merge/markers';

const H = '编号,资金,类型,金额,备注\n';
const BASE = H + 'A1,FD-X,拨付,100.00,\nA2,FD-X,拨付,200.00,\nA3,FD-Y,拨付,300.00,\n';

function rows(text: string): string[][] {
  const t = scanCsv(text);
  assert.equal(t.errors.length, 0, 'merged file must parse');
  const out: string[][] = [];
  for (let r = 0; r < t.rowCount; r++) out.push(t.rowValues(r));
  return out;
}

describe('mergeLedgers', () => {
  it('merges different cells of the same row cleanly and keeps ours bytes elsewhere', () => {
    const ours = H + 'A1,FD-X,拨付,100.00,\nA2,FD-X,拨付,250.00,\nA3,FD-Y,拨付,300.00,\n';
    const theirs = H + 'A1,FD-X,拨付,100.00,\nA2,FD-X,拨付,200.00,checked\nA3,FD-Y,拨付,300.00,\n';
    const m = mergeLedgers(BASE, ours, theirs);
    assert.equal(m.conflicts.length, 0);
    assert.equal(
      m.text,
      H + 'A1,FD-X,拨付,100.00,\nA2,FD-X,拨付,250.00,checked\nA3,FD-Y,拨付,300.00,\n',
    );
  });

  it('returns ours byte for byte when theirs changed nothing (CRLF, BOM, quoting, no final newline)', () => {
    const ours =
      '\ufeff编号,资金,类型,金额,备注\r\nA1,"FD-X",拨付,100.00,\r\nA2,FD-X,拨付,"1,200.00",x';
    const base =
      '\ufeff编号,资金,类型,金额,备注\r\nA1,FD-X,拨付,100.00,\r\nA2,FD-X,拨付,"1,200.00",x';
    assert.equal(mergeLedgers(base, ours, base).text, ours);
  });

  it('writes a conflict cell with all three values, still a parseable CSV', () => {
    const ours = BASE.replace('200.00', '250.00');
    const theirs = BASE.replace('200.00', '"2,600.00"');
    const m = mergeLedgers(BASE, ours, theirs);
    assert.equal(m.conflicts.length, 1);
    const c = m.conflicts[0];
    assert.deepEqual(
      [c?.row, c?.col, c?.id, c?.column, c?.ours, c?.base, c?.theirs],
      [2, 3, 'A2', '金额', '250.00', '200.00', '2,600.00'],
    );
    const cell = rows(m.text)[2]?.[3] ?? '';
    assert.deepEqual(parseConflict(cell), { ours: '250.00', base: '200.00', theirs: '2,600.00' });
    assert.equal(rows(m.text)[2]?.length, 5);
  });

  it('does not treat identical changes on both sides as a conflict', () => {
    const both = BASE.replace('200.00', '250.00');
    const m = mergeLedgers(BASE, both, both);
    assert.equal(m.conflicts.length, 0);
    assert.equal(m.text, both);
  });

  it('keeps rows inserted on both sides, ours first, before the rows that follow', () => {
    const ours = BASE.replace('A3,', 'A9,FD-X,拨付,9.00,ours\nA3,');
    const theirs = BASE.replace('A3,', 'B1,FD-X,拨付,1.00,theirs\nA3,');
    const m = mergeLedgers(BASE, ours, theirs);
    assert.deepEqual(
      rows(m.text).map((r) => r[0]),
      ['编号', 'A1', 'A2', 'A9', 'B1', 'A3'],
    );
    assert.equal(m.conflicts.length, 0);
  });

  it('deletes a row deleted on one side and unchanged on the other', () => {
    const theirs = BASE.replace('A2,FD-X,拨付,200.00,\n', '');
    const ours = BASE.replace('300.00', '301.00');
    const m = mergeLedgers(BASE, ours, theirs);
    assert.equal(m.text, H + 'A1,FD-X,拨付,100.00,\nA3,FD-Y,拨付,301.00,\n');
  });

  it('keeps a row one side deleted and the other edited, as a marked conflict', () => {
    const ours = BASE.replace('A2,FD-X,拨付,200.00,\n', '');
    const theirs = BASE.replace('200.00', '222.00');
    const m = mergeLedgers(BASE, ours, theirs);
    assert.equal(m.conflicts[0]?.kind, 'deleted-by-ours');
    const r = rows(m.text)[2] ?? [];
    assert.deepEqual(parseConflict(r[0] ?? ''), {
      ours: '[row deleted]',
      base: 'A2',
      theirs: 'A2',
    });
    assert.equal(r[3], '222.00');
  });

  it('merges a column theirs added and a header theirs renamed', () => {
    const base = '编号,金额\nA1,1\nA2,2\n';
    const ours = '编号,金额\nA1,1\nA2,3\n';
    const theirs = '编号,金额(元),备注\nA1,1,n1\nA2,2,n2\n';
    const m = mergeLedgers(base, ours, theirs);
    assert.equal(m.text, '编号,金额(元),备注\nA1,1,n1\nA2,3,n2\n');
  });

  it('moves A1 references when theirs inserts rows above them (like a spreadsheet)', () => {
    const base = '编号,类型,金额\nA1,拨付,1\nA2,拨付,2\nT,合计,=SUM(C2:C3)\n';
    const ours = '编号,类型,金额\nA1,拨付,1\nA2,拨付,5\nT,合计,=SUM(C2:C3)\n';
    const theirs = '编号,类型,金额\nA0,拨付,7\nA1,拨付,1\nA2,拨付,2\nT,合计,=SUM(C3:C4)\n';
    const m = mergeLedgers(base, ours, theirs);
    assert.equal(m.conflicts.length, 0);
    assert.deepEqual(rows(m.text), [
      ['编号', '类型', '金额'],
      ['A0', '拨付', '7'],
      ['A1', '拨付', '1'],
      ['A2', '拨付', '5'],
      ['T', '合计', '=SUM(C3:C4)'],
    ]);
    assert.equal(m.stats.adjustedFormulas, 1);
    // Theirs widened the range to take in its new row: that edit wins, in merged-file rows.
    const widened = mergeLedgers(base, ours, theirs.replace('C3:C4', 'C2:C4'));
    assert.equal(rows(widened.text).at(-1)?.[2], '=SUM(C2:C4)');
    assert.equal(widened.conflicts.length, 0);
  });

  it('widens a range in ours when theirs inserts inside it, and reports refs to deleted rows', () => {
    const base =
      '编号,类型,金额,备注\nA1,拨付,1,\nA2,拨付,2,\nA3,拨付,3,\nT,合计,=SUM(C2:C4),=C3\n';
    const ours = base.replace('T,合计,=SUM(C2:C4),=C3', 'T,合计,=SUM(C2:C4),=C3 ');
    const theirs = base.replace('A2,拨付,2,\n', '').replace('A3,', 'B1,拨付,9,\nA3,');
    const m = mergeLedgers(base, ours, theirs);
    const last = rows(m.text).at(-1) ?? [];
    assert.equal(last[2], '=SUM(C2:C4)');
    assert.equal(last[3], '=C3 ');
    assert.ok(m.notes.some((n) => n.code === 'FL-MERGE-FORMULA-REF-DELETED'));
  });
});
