import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  detectLineEndings,
  LineIndex,
  offsetToLineColumn,
  parseTsv,
  scanCsv,
  toCsv,
  toTsv,
} from '../../../src/core/csv';
import { anyText, grid, runs } from './arbitraries';

describe('toTsv / parseTsv', () => {
  it('writes Excel clipboard text: tabs, CRLF after each row, quotes only where needed', () => {
    assert.equal(
      toTsv([
        ['a', 'b'],
        ['1', ''],
      ]),
      'a\tb\r\n1\t\r\n',
    );
    assert.equal(toTsv([['x\ty', 'l1\nl2', '5" pipe']]), '"x\ty"\t"l1\nl2"\t"5"" pipe"\r\n');
    assert.equal(toTsv([['=1+1', '-100.00', '@x']]), '=1+1\t-100.00\t@x\r\n');
  });

  it('reads Excel/WPS clipboard text, including a final line break and quoted line breaks', () => {
    assert.deepEqual(parseTsv('a\tb\r\n1\t2\r\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseTsv('"l1\nl2"\tx\n'), [['l1\nl2', 'x']]);
    assert.deepEqual(parseTsv('single'), [['single']]);
    assert.deepEqual(parseTsv(''), []);
    assert.deepEqual(parseTsv('\r\n'), [['']], 'Excel copies one empty cell as a line break');
  });

  it('pastes text with an unmatched quote literally', () => {
    assert.deepEqual(parseTsv('"abc\tdef\nx'), [['"abc', 'def'], ['x']]);
  });

  it('round-trips any grid through the clipboard', () => {
    fc.assert(
      fc.property(grid, (g) => {
        assert.deepEqual(parseTsv(toTsv(g)), g);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('exports CSV that scanCsv reads back to the same grid', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const table = scanCsv(toCsv(g));
        const back: string[][] = [];
        for (let r = 0; r < table.rowCount; r++) back.push(table.rowValues(r));
        assert.deepEqual(back, g);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('offsetToLineColumn / LineIndex', () => {
  it('counts CRLF, LF and lone CR as line breaks, columns in UTF-16 units', () => {
    const text = 'ab\r\ncd\nef\rg😀h';
    assert.deepEqual(offsetToLineColumn(text, 0), { line: 1, column: 1 });
    assert.deepEqual(offsetToLineColumn(text, 4), { line: 2, column: 1 });
    assert.deepEqual(offsetToLineColumn(text, 8), { line: 3, column: 2 });
    assert.deepEqual(offsetToLineColumn(text, 10), { line: 4, column: 1 });
    assert.deepEqual(offsetToLineColumn(text, 13), { line: 4, column: 4 });
    assert.deepEqual(offsetToLineColumn(text, 999), { line: 4, column: 5 });
  });

  it('LineIndex agrees with the linear scan on any text and offset', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), (text, n) => {
        const offset = n % (text.length + 1);
        assert.deepEqual(new LineIndex(text).positionAt(offset), offsetToLineColumn(text, offset));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('gives the line of a cell inside a multi-line quoted value', () => {
    const text = 'id,note\n1,"two\nlines"\n2,"oops\n';
    const table = scanCsv(text);
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(table.cellStart(2, 1)), { line: 4, column: 3 });
    assert.deepEqual(index.positionAt(table.errors[0]?.offset ?? -1), { line: 4, column: 3 });
  });
});

describe('detectLineEndings', () => {
  it('finds the dominant ending and the rows that differ (LF header, CRLF rows)', () => {
    const info = detectLineEndings(scanCsv('h1,h2\n1,2\r\n3,"a\nb"\r\n4,5'));
    assert.equal(info.dominant, '\r\n');
    assert.equal(info.mixed, true);
    assert.deepEqual(info.counts, { lf: 1, crlf: 2, cr: 0 });
    assert.deepEqual(info.differingRows, [0]);
  });

  it('is not mixed for a uniform file and defaults to CRLF when there is no ending', () => {
    const uniform = detectLineEndings(scanCsv('a\nb\n'));
    assert.equal(uniform.mixed, false);
    assert.equal(uniform.dominant, '\n');
    assert.deepEqual(uniform.differingRows, []);
    assert.equal(detectLineEndings(scanCsv('a,b')).dominant, '\r\n');
    assert.equal(detectLineEndings(scanCsv('')).dominant, '\r\n');
  });
});
