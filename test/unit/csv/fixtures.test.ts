// The "Bad CSV" cases of issue #7, read from test/fixtures/csv as the CLI and the editor would.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdit, editCell, scanCsv, type CsvTable } from '../../../src/core/csv';
import {
  decodeLedgerBytes,
  encodeLedgerText,
  type DecodedLedger,
} from '../../../src/core/csv/encoding';
import { detectLineEndings } from '../../../src/core/csv/line-endings';
import { LineIndex } from '../../../src/core/csv/position';

const DIR = join(process.cwd(), 'test', 'fixtures', 'csv');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));

function open(name: string): { decoded: DecodedLedger; table: CsvTable; bytes: Uint8Array } {
  const bytes = bytesOf(name);
  const decoded = decodeLedgerBytes(bytes);
  if ('error' in decoded) assert.fail(`${name}: ${decoded.error}`);
  return { decoded, table: scanCsv(decoded.text), bytes };
}

/** Edits one cell and checks the saved bytes differ from the original only inside that cell. */
function roundTripThroughEdit(name: string, row: number, col: number, value: string): void {
  const { decoded, table, bytes } = open(name);
  const edit = editCell(table, row, col, value);
  const out = encodeLedgerText(applyEdit(decoded.text, edit), decoded.encoding, decoded.bom);
  const before = encodeLedgerText(decoded.text.slice(0, edit.start), decoded.encoding, decoded.bom);
  const after = encodeLedgerText(decoded.text.slice(edit.end), decoded.encoding, false);
  assert.deepEqual(
    out.subarray(0, before.length),
    bytes.subarray(0, before.length),
    `${name}: prefix`,
  );
  assert.deepEqual(
    out.subarray(out.length - after.length),
    bytes.subarray(bytes.length - after.length),
  );
  assert.equal(scanCsv(applyEdit(decoded.text, edit)).cellValue(row, col), value);
  // Without the edit, the file is reproduced byte for byte.
  assert.deepEqual(encodeLedgerText(decoded.text, decoded.encoding, decoded.bom), bytes);
}

describe('bad CSV fixtures (issue #7)', () => {
  it('unclosed quote: reported with its line, and the rows after it still read', () => {
    const { decoded, table } = open('unclosed-quote.csv');
    assert.equal(table.errors.length, 1);
    const e = table.errors[0];
    assert.equal(e?.code, 'unclosed-quote');
    assert.deepEqual(new LineIndex(decoded.text).positionAt(e?.offset ?? -1), {
      line: 2,
      column: 34,
    });
    assert.equal(table.rowCount, 3);
    assert.equal(table.cellValue(2, 0), 'A2');
  });

  it('ragged rows, empty lines, header only, empty and 1-byte files are read as they are', () => {
    const ragged = open('ragged-rows.csv').table;
    assert.deepEqual(
      [1, 2, 3].map((r) => ragged.cellCount(r)),
      [7, 11, 1],
    );
    const empty = open('empty-lines.csv').table;
    assert.deepEqual(
      [1, 3, 4].map((r) => empty.rowValues(r)),
      [[''], [''], ['']],
    );
    assert.equal(empty.rowCount, 6);
    assert.equal(open('header-only.csv').table.rowCount, 1);
    assert.equal(open('empty.csv').table.rowCount, 0);
    assert.deepEqual(open('one-byte.csv').table.rowValues(0), ['a']);
  });

  it('no trailing newline and two trailing newlines are kept through an edit', () => {
    assert.equal(open('no-trailing-newline.csv').table.hasTrailingNewline, false);
    roundTripThroughEdit('no-trailing-newline.csv', 1, 6, '1500.00');
    const two = open('two-trailing-newlines.csv').table;
    assert.equal(two.rowCount, 3);
    assert.deepEqual(two.rowValues(2), ['']);
    roundTripThroughEdit('two-trailing-newlines.csv', 1, 6, '1500.00');
  });

  it('LF header with CRLF rows: mixed endings reported, bytes kept through an edit', () => {
    const info = detectLineEndings(open('lf-header-crlf-rows.csv').table);
    assert.equal(info.mixed, true);
    assert.deepEqual(info.differingRows, [0]);
    roundTripThroughEdit('lf-header-crlf-rows.csv', 2, 5, '新经费,含逗号');
  });

  it('CR inside a quoted cell stays in the cell and survives an edit of another cell', () => {
    const { table } = open('cr-in-quoted-cell.csv');
    assert.equal(table.cellValue(1, 5), '第一行\r第二行');
    assert.equal(table.cellValue(1, 8), '备注\nLF');
    assert.equal(detectLineEndings(table).mixed, false);
    roundTripThroughEdit('cr-in-quoted-cell.csv', 1, 6, '1200.00');
  });

  it('UTF-8 BOM and GB18030 text round-trip byte for byte through an edit', () => {
    const bom = open('utf8-bom.csv');
    assert.equal(bom.decoded.bom, true);
    assert.equal(bom.table.cellValue(0, 0), '编号');
    roundTripThroughEdit('utf8-bom.csv', 0, 0, 'id');
    const gb = open('gb18030.csv');
    assert.equal(gb.decoded.encoding, 'gb18030');
    assert.equal(gb.decoded.exactRoundTrip, true);
    assert.equal(gb.table.cellValue(1, 8), '𠀀生僻字');
    roundTripThroughEdit('gb18030.csv', 2, 6, '4330000');
  });

  it('stray quotes are reported per cell and kept verbatim', () => {
    const { table } = open('stray-quotes.csv');
    assert.deepEqual(
      table.errors.map((e) => [e.code, e.row, e.col]),
      [
        ['quote-in-unquoted-field', 1, 5],
        ['text-after-closing-quote', 2, 5],
      ],
    );
    assert.equal(table.cellValue(1, 5), '5" 管材');
  });

  it('values naive parsing corrupts are kept exactly as typed', () => {
    const row = open('values-kept.csv').table.rowValues(1);
    assert.deepEqual(row.slice(1), [
      '0700',
      '1e3',
      '12345678901234.567',
      'TRUE',
      '-0',
      '１２３',
      '4,320,000.00',
      '-100.00',
    ]);
  });

  it('hostile headers are plain cell text', () => {
    assert.deepEqual(open('hostile-headers.csv').table.rowValues(0), [
      '__proto__',
      'constructor',
      '   ',
      '金额',
      '金额',
    ]);
  });

  it('binary, UTF-16 and undecodable files get a clear error, never mojibake', () => {
    const code = (name: string): string => {
      const r = decodeLedgerBytes(bytesOf(name));
      return 'error' in r ? r.code : 'decoded';
    };
    assert.equal(code('binary.csv'), 'binary');
    assert.equal(code('utf16le-bom.csv'), 'utf-16');
    assert.equal(code('not-utf8-or-gb18030.csv'), 'unknown');
  });
});
