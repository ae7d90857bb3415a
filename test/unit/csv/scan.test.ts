import * as assert from 'node:assert/strict';
import { scanCsv, type CsvTable } from '../../../src/core/csv';

function grid(table: CsvTable): string[][] {
  const rows: string[][] = [];
  for (let r = 0; r < table.rowCount; r++) rows.push(table.rowValues(r));
  return rows;
}

function rebuild(table: CsvTable): string {
  let out = table.hasBom ? '\uFEFF' : '';
  for (let r = 0; r < table.rowCount; r++) {
    for (let c = 0; c < table.cellCount(r); c++) {
      out += (c > 0 ? ',' : '') + table.text.slice(table.cellStart(r, c), table.cellEnd(r, c));
    }
    out += table.lineEnding(r);
  }
  return out;
}

describe('scanCsv', () => {
  it('reads an empty file as 0 rows', () => {
    const t = scanCsv('');
    assert.equal(t.rowCount, 0);
    assert.equal(t.hasTrailingNewline, false);
    assert.deepEqual(t.errors, []);
  });

  it('reads a 1-byte file as one row with one cell', () => {
    assert.deepEqual(grid(scanCsv('x')), [['x']]);
    assert.deepEqual(grid(scanCsv(',')), [['', '']]);
    const nl = scanCsv('\n');
    assert.deepEqual(grid(nl), [['']]);
    assert.equal(nl.hasTrailingNewline, true);
    assert.deepEqual(grid(scanCsv('"')), [['"']]);
    assert.equal(scanCsv('"').errors[0]?.code, 'unclosed-quote');
  });

  it('reads a header only, with and without newline', () => {
    assert.deepEqual(grid(scanCsv('日期,金额')), [['日期', '金额']]);
    const t = scanCsv('日期,金额\r\n');
    assert.deepEqual(grid(t), [['日期', '金额']]);
    assert.equal(t.hasTrailingNewline, true);
    assert.equal(t.lineEnding(0), '\r\n');
  });

  it('does not start a row after a final newline; two newlines make a last empty line', () => {
    assert.equal(scanCsv('a\nb').rowCount, 2);
    assert.equal(scanCsv('a\nb').hasTrailingNewline, false);
    assert.equal(scanCsv('a\nb\n').rowCount, 2);
    const two = scanCsv('a\nb\n\n');
    assert.deepEqual(grid(two), [['a'], ['b'], ['']]);
    assert.equal(two.hasTrailingNewline, true);
  });

  it('keeps empty lines as rows with one empty cell', () => {
    const t = scanCsv('a,b\n\n1,2\r\n\r\n');
    assert.deepEqual(grid(t), [['a', 'b'], [''], ['1', '2'], ['']]);
    assert.equal(t.cellCount(1), 1);
    assert.equal(t.cellStart(1, 0), 4);
    assert.equal(t.cellEnd(1, 0), 4);
  });

  it('preserves ragged rows', () => {
    const t = scanCsv('a,b,c\n1\n1,2,3,4,5\n');
    assert.deepEqual(
      [0, 1, 2].map((r) => t.cellCount(r)),
      [3, 1, 5],
    );
    assert.equal(t.cellValue(1, 2), '');
    assert.equal(rebuild(t), t.text);
  });

  it('tolerates LF, CRLF and CR mixed, and a LF header with CRLF rows', () => {
    const t = scanCsv('h1,h2\n1,2\r\n3,4\r5,6');
    assert.deepEqual(grid(t), [
      ['h1', 'h2'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    assert.deepEqual(
      [0, 1, 2, 3].map((r) => t.lineEnding(r)),
      ['\n', '\r\n', '\r', ''],
    );
  });

  it('reads quoted fields with commas, quotes, LF, CR and CRLF inside', () => {
    const text = 'a,"x,y","say ""hi""","l1\nl2","c\rr","w\r\nin"\r\n';
    const t = scanCsv(text);
    assert.deepEqual(grid(t), [['a', 'x,y', 'say "hi"', 'l1\nl2', 'c\rr', 'w\r\nin']]);
    assert.equal(t.rowCount, 1);
    assert.equal(t.isQuoted(0, 1), true);
    assert.equal(t.isQuoted(0, 0), false);
    assert.equal(t.cellStart(0, 1), 2);
    assert.equal(t.cellEnd(0, 1), 7);
    assert.equal(rebuild(t), text);
  });

  it('keeps the BOM out of every cell but counts it in offsets', () => {
    const t = scanCsv('\uFEFF编号,金额\n1,2\n');
    assert.equal(t.hasBom, true);
    assert.equal(t.cellValue(0, 0), '编号');
    assert.equal(t.rowStart(0), 1);
    assert.equal(t.cellStart(0, 0), 1);
    assert.equal(t.cellStart(1, 0), 7);
    const quoted = scanCsv('\uFEFF"a,b",c');
    assert.equal(quoted.cellValue(0, 0), 'a,b');
    assert.equal(quoted.isQuoted(0, 0), true);
    const only = scanCsv('\uFEFF');
    assert.equal(only.rowCount, 0);
    assert.equal(only.hasBom, true);
  });

  it('keeps values that naive parsing corrupts exactly as typed', () => {
    const values = ['0700', '1e3', '12345678901234.567', 'TRUE', '-0', '１２３', '"4,320,000.00"'];
    const t = scanCsv(values.join(',') + '\n');
    assert.deepEqual(t.rowValues(0), [...values.slice(0, 6), '4,320,000.00']);
  });

  it('reports an unclosed quote at its opening quote and keeps scanning the rows after it', () => {
    const t = scanCsv('id,note\n1,"oops\n2,fine\n3,"ok"\n');
    assert.deepEqual(t.errors, [{ code: 'unclosed-quote', offset: 10, row: 1, col: 1 }]);
    assert.deepEqual(grid(t), [
      ['id', 'note'],
      ['1', '"oops'],
      ['2', 'fine'],
      ['3', 'ok'],
    ]);
    assert.equal(t.isQuoted(1, 1), false);
    assert.equal(rebuild(t), t.text);
  });

  it('reports a stray quote in an unquoted field and text after a closing quote, once each', () => {
    const t = scanCsv('5" pipe "x",a\n"ab"cd"e,z');
    assert.deepEqual(t.errors, [
      { code: 'quote-in-unquoted-field', offset: 1, row: 0, col: 0 },
      { code: 'text-after-closing-quote', offset: 18, row: 1, col: 0 },
    ]);
    assert.deepEqual(grid(t), [
      ['5" pipe "x"', 'a'],
      ['abcd"e', 'z'],
    ]);
    assert.equal(rebuild(t), t.text);
  });

  it('rejects out-of-range rows and columns with RangeError', () => {
    const t = scanCsv('a,b\n');
    assert.throws(() => t.cellStart(0, 2), RangeError);
    assert.throws(() => t.rowStart(1), RangeError);
    assert.throws(() => t.cellCount(-1), RangeError);
    assert.equal(t.cellValue(0, 9), '');
  });

  it('handles keys like __proto__ and constructor as plain text', () => {
    const t = scanCsv('__proto__,constructor,toString\n');
    assert.deepEqual(t.rowValues(0), ['__proto__', 'constructor', 'toString']);
  });
});
