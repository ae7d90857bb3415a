import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import Papa from 'papaparse';
import { scanCsv } from '../../../src/core/csv';
import { anyText, gridOf, rebuild, runs, wellFormed } from './arbitraries';

/** papaparse as the oracle; it parses one line ending per file and yields a row after a final one. */
function papaGrid(text: string, newline: '\n' | '\r\n' | '\r'): string[][] {
  // papaparse drops one leading BOM itself, as scanCsv does.
  const body = text;
  if (body === '' || body === '\uFEFF') return [];
  const parsed = Papa.parse<string[]>(body, { delimiter: ',', newline, quoteChar: '"' });
  assert.deepEqual(parsed.errors, [], 'oracle input must be well-formed');
  const rows = parsed.data;
  if (/(\r\n|\n|\r)$/.test(body) && rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.length === 1 && last[0] === '') rows.pop();
  }
  return rows;
}

function newlineOf(text: string): '\n' | '\r\n' | '\r' {
  // Uniform files: the first terminator outside quotes is the same as any; scanCsv tells us which.
  const t = scanCsv(text);
  for (let r = 0; r < t.rowCount; r++) {
    const e = t.lineEnding(r);
    if (e !== '') return e;
  }
  return '\n';
}

describe('scanCsv properties', () => {
  it('agrees with papaparse on well-formed CSV (one line ending per file)', () => {
    fc.assert(
      fc.property(wellFormed(true), ({ text }) => {
        assert.deepEqual(gridOf(scanCsv(text)), papaGrid(text, newlineOf(text)));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('agrees with papaparse on arbitrary LF text wherever neither reports an error', () => {
    const piece = fc.constantFrom('a', ',', '"', '""', '\n', ' ', '中', '😀');
    const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const table = scanCsv(t);
        const parsed = Papa.parse<string[]>(t, { delimiter: ',', newline: '\n', quoteChar: '"' });
        fc.pre(table.errors.length === 0 && parsed.errors.length === 0);
        assert.deepEqual(gridOf(table), papaGrid(t, '\n'));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('reads back the grid a writer wrote, with any mix of line endings', () => {
    fc.assert(
      fc.property(wellFormed(false), ({ text, grid }) => {
        const table = scanCsv(text);
        assert.deepEqual(gridOf(table), grid);
        assert.deepEqual(table.errors, []);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('rebuilds any text, malformed or not, from the recorded ranges', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const table = scanCsv(text);
        assert.equal(rebuild(table), text);
        for (const e of table.errors) {
          assert.ok(e.offset >= 0 && e.offset < text.length);
          assert.ok(e.row < table.rowCount && e.col < table.cellCount(e.row));
          const start = table.cellStart(e.row, e.col);
          assert.ok(e.offset >= start && e.offset < table.cellEnd(e.row, e.col));
        }
        for (let r = 0; r < table.rowCount; r++) {
          for (let c = 0; c < table.cellCount(r); c++)
            assert.equal(typeof table.cellValue(r, c), 'string');
        }
      }),
      { numRuns: runs(3000) },
    );
  });

  it('keeps unquoted values exactly as their source text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const table = scanCsv(text);
        for (let r = 0; r < table.rowCount; r++) {
          for (let c = 0; c < table.cellCount(r); c++) {
            if (table.isQuoted(r, c)) continue;
            const raw = text.slice(table.cellStart(r, c), table.cellEnd(r, c));
            assert.equal(table.cellValue(r, c), raw);
          }
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});
