import * as assert from 'node:assert/strict';
import {
  applyEdit,
  deleteRows,
  editCell,
  insertRows,
  quoteField,
  scanCsv,
} from '../../../src/core/csv';

const edit = (text: string, row: number, col: number, value: string): string =>
  applyEdit(text, editCell(scanCsv(text), row, col, value));
const insert = (text: string, before: number, rows: string[][]): string =>
  applyEdit(text, insertRows(scanCsv(text), before, rows));
const del = (text: string, first: number, count: number): string =>
  applyEdit(text, deleteRows(scanCsv(text), first, count));

describe('quoteField', () => {
  it('quotes only for comma, quote, CR and LF, and never adds an apostrophe', () => {
    assert.equal(quoteField('plain'), 'plain');
    assert.equal(quoteField(''), '');
    assert.equal(quoteField(' padded '), ' padded ');
    assert.equal(quoteField('=SUM(F2:F9)'), '=SUM(F2:F9)');
    assert.equal(quoteField('-100.00'), '-100.00');
    assert.equal(quoteField('4,320,000.00'), '"4,320,000.00"');
    assert.equal(quoteField('5" pipe'), '"5"" pipe"');
    assert.equal(quoteField('a\nb'), '"a\nb"');
    assert.equal(quoteField('a\rb'), '"a\rb"');
  });
});

describe('editCell', () => {
  it('replaces exactly the cell range and keeps the rest byte for byte', () => {
    const text = '\uFEFF编号,金额\r\n1,"1,000"\n2,3';
    assert.equal(edit(text, 1, 1, '2000'), '\uFEFF编号,金额\r\n1,2000\n2,3');
    assert.equal(edit(text, 0, 0, 'id'), '\uFEFFid,金额\r\n1,"1,000"\n2,3');
    assert.equal(edit(text, 2, 0, 'x,y'), '\uFEFF编号,金额\r\n1,"1,000"\n"x,y",3');
  });

  it('returns one edit covering only the cell', () => {
    const t = scanCsv('a,"b",c\n');
    assert.deepEqual(editCell(t, 0, 1, 'B'), { start: 2, end: 5, text: 'B' });
  });

  it('appends commas when editing past the end of a short row', () => {
    assert.equal(edit('a,b,c\n1\n', 1, 2, 'z'), 'a,b,c\n1,,z\n');
    assert.equal(edit('a,b,c\n\n', 1, 1, 'z'), 'a,b,c\n,z\n');
  });

  it('does not pad when an empty value is set on a missing cell', () => {
    assert.equal(edit('a\n1\n', 1, 3, ''), 'a\n1\n');
    assert.equal(edit('a\n1\n', 5, 3, ''), 'a\n1\n');
  });

  it('appends new rows with the dominant line ending, keeping the trailing-newline convention', () => {
    assert.equal(edit('a,b\r\n1,2\r\n', 2, 1, 'x'), 'a,b\r\n1,2\r\n,x\r\n');
    assert.equal(edit('a,b\r\n1,2', 2, 0, 'x'), 'a,b\r\n1,2\r\nx');
    assert.equal(edit('a,b\n1,2\n', 4, 0, 'x'), 'a,b\n1,2\n\n\nx\n');
    assert.equal(edit('', 0, 0, 'x'), 'x\r\n');
  });

  it('keeps a last one-cell row in existence when it is emptied', () => {
    const out = edit('a\nb', 1, 0, '');
    assert.equal(out, 'a\n""');
    assert.equal(scanCsv(out).rowCount, 2);
    assert.equal(edit('a\nb\n', 1, 0, ''), 'a\n\n');
  });

  it('keeps a value starting with U+FEFF from turning into a BOM', () => {
    const out = edit('a,b\n', 0, 0, '\uFEFFx');
    assert.equal(scanCsv(out).cellValue(0, 0), '\uFEFFx');
  });
});

describe('insertRows', () => {
  it('inserts inside the file as a pure insertion with the dominant ending', () => {
    assert.equal(insert('h\r\n1\r\n2\n', 1, [['x', 'y,z']]), 'h\r\nx,"y,z"\r\n1\r\n2\n');
    assert.equal(insert('\uFEFFh\n', 0, [['top']]), '\uFEFFtop\nh\n');
  });

  it('appends after a last row without newline touching nothing but adding the separator', () => {
    assert.equal(insert('h\n1', 2, [['2'], ['3']]), 'h\n1\n2\n3');
    assert.equal(insert('h\n1\n', 2, [['2']]), 'h\n1\n2\n');
    assert.equal(insert('', 0, [['h'], ['1']]), 'h\r\n1\r\n');
  });

  it('writes an empty row as an empty line that still exists', () => {
    const out = insert('h\n1', 2, [[]]);
    assert.equal(out, 'h\n1\n\n');
    assert.equal(scanCsv(out).rowCount, 3);
  });
});

describe('deleteRows', () => {
  it('removes rows with their terminators', () => {
    assert.equal(del('h\r\n1\r\n2\r\n', 1, 1), 'h\r\n2\r\n');
    assert.equal(del('h\n1\n2\n', 1, 2), 'h\n');
    assert.equal(del('\uFEFFh\n1\n', 0, 2), '\uFEFF');
  });

  it('keeps a file without trailing newline without one', () => {
    assert.equal(del('h\n1\n2', 2, 1), 'h\n1');
    assert.equal(del('h\n1\n2', 1, 2), 'h');
  });

  it('does not make a preceding empty line vanish', () => {
    const out = del('h\n\n2', 2, 1);
    assert.deepEqual(scanCsv(out).rowCount, 2);
  });

  it('rejects ranges past the end', () => {
    assert.throws(() => deleteRows(scanCsv('a\n'), 0, 2), RangeError);
    assert.throws(() => insertRows(scanCsv('a\n'), 2, [['x']]), RangeError);
  });
});
