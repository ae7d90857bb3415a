// Inserting and deleting rows in the grid: A1 references follow the rows, as in a spreadsheet, and
// every other byte stays; the totals the CLI computes do not change when an empty row goes in.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdit, scanCsv, type TextEdit } from '../../../src/core/csv';
import { deleteRowsShifting, insertRowsShifting } from '../../../src/core/ledger/shift-rows';
import { analyzeLedger } from '../../../src/core/ledger/validate';

const PAIRED = readFileSync(
  join(__dirname, '../../../data/fengdu-paired-assistance.ledger.csv'),
  'utf8',
);

function applyAll(text: string, edits: readonly TextEdit[]): string {
  for (let i = 1; i < edits.length; i++)
    assert.ok((edits[i - 1] as TextEdit).end < (edits[i] as TextEdit).start, 'sorted, apart');
  return [...edits].reverse().reduce((t, e) => applyEdit(t, e), text);
}

/** Each row's amount as the CLI evaluates it, by row id (column 6 is 金额 in the sample). */
function amountsById(text: string): Record<string, string> {
  const r = analyzeLedger('t.ledger.csv', text);
  const table = scanCsv(text);
  const out: Record<string, string> = {};
  for (let row = 1; row < table.rowCount; row++) {
    const v = r.engine?.value(row, 6);
    if (v) out[table.cellValue(row, 0)] = v.kind === 'number' ? String(v.fen) : v.kind;
  }
  return out;
}

describe('insertRowsShifting / deleteRowsShifting', () => {
  it('an inserted entry row inside a subtotal’s range widens it; later ranges move down', () => {
    const table = scanCsv(PAIRED);
    const before = 6; // FDBF-002, inside =SUM(G6:G8)
    const after = applyAll(PAIRED, insertRowsShifting(table, before, [['FDBF-NEW']]));
    const lines = after.split('\r\n');
    assert.equal(lines[6], 'FDBF-NEW');
    assert.match(lines[9] ?? '', /,=SUM\(G6:G9\),/);
    assert.match(lines[14] ?? '', /,=SUM\(G11:G14\),/);
    assert.match(lines[17] ?? '', /,=SUM\(G16:G17\),/);
    assert.match(lines[18] ?? '', /,=\{FDBF-S01\}\+\{FDBF-S02\}\+\{FDBF-S03\},/);
    // Undoing the insert by hand gives the old file except in the three rewritten cells.
    const old = PAIRED.split('\r\n');
    const diff = lines.filter((_, i) => i !== 6).filter((l, i) => l !== old[i]);
    assert.equal(diff.length, 3);
  });

  it('keeps every total, to the fen, when an empty row goes in anywhere', () => {
    const table = scanCsv(PAIRED);
    const expected = amountsById(PAIRED);
    for (let before = 1; before < table.rowCount; before++) {
      const after = applyAll(PAIRED, insertRowsShifting(table, before, [[`NEW-${before}`]]));
      const got = amountsById(after);
      delete got[`NEW-${before}`];
      assert.deepEqual(got, expected, `inserted before row ${before}`);
    }
  });

  it('deleting an entry row shrinks the range and changes only that subtotal and the total', () => {
    const table = scanCsv(PAIRED);
    const after = applyAll(PAIRED, deleteRowsShifting(table, 9, 1)); // FDBF-004: 30.88 万元 = 30,880,000 fen
    assert.match(after, /,=SUM\(G10:G12\),/);
    assert.match(after, /,=SUM\(G14:G15\),/);
    const was = amountsById(PAIRED);
    const now = amountsById(after);
    assert.equal(now['FDBF-004'], undefined);
    assert.equal(BigInt(now['FDBF-S02'] ?? 0), BigInt(was['FDBF-S02'] ?? 0) - 30_880_000n);
    assert.equal(BigInt(now['FDBF-TOT'] ?? 0), BigInt(was['FDBF-TOT'] ?? 0) - 30_880_000n);
    assert.equal(now['FDBF-S01'], was['FDBF-S01']);
    assert.equal(now['FDBF-S03'], was['FDBF-S03']);
  });

  it('a deleted row a formula points at becomes #REF!; text cells starting with = are left alone', () => {
    const text =
      '编号,资金,类型,金额,备注\n' +
      'E1,甲,拨付,10.00,=D2 looks like a formula\n' +
      'E2,甲,拨付,=D2*2,"=D3, also text"\n' +
      'T,甲,合计,=SUM(D2:D3),\n';
    const after = applyAll(text, deleteRowsShifting(scanCsv(text), 1, 1));
    assert.equal(
      after,
      '编号,资金,类型,金额,备注\n' +
        'E2,甲,拨付,=#REF!*2,"=D3, also text"\n' +
        'T,甲,合计,=SUM(D2:D2),\n',
    );
  });

  it('joins an insertion with a rewrite that starts at the same offset (one edit, no overlap)', () => {
    const text = '金额,b\n=A3,1\n5,2\n';
    const edits = insertRowsShifting(scanCsv(text), 1, [['new']]);
    assert.equal(edits.length, 1);
    assert.equal(applyAll(text, edits), '金额,b\nnew\n=A4,1\n5,2\n');
  });
});
