import * as assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { applyEdit, editCell, scanCsv } from '../../../src/core/csv';
import {
  decodeLedgerBytes,
  encodeLedgerText,
  type DecodedLedger,
  type DecodeFailure,
} from '../../../src/core/csv/encoding';

const LEDGER = '编号,日期,资金,金额(万元)\r\nA1,2024-03-01,教育质量提升资金,1500\r\n';

function ok(result: DecodedLedger | DecodeFailure): DecodedLedger {
  if ('error' in result) assert.fail(result.error);
  return result;
}

function failed(result: DecodedLedger | DecodeFailure): DecodeFailure {
  assert.ok('error' in result, 'expected a decode failure');
  return result;
}

describe('decodeLedgerBytes', () => {
  it('reads UTF-8 without BOM', () => {
    const r = ok(decodeLedgerBytes(new TextEncoder().encode(LEDGER)));
    assert.deepEqual(r, { text: LEDGER, encoding: 'utf-8', bom: false, exactRoundTrip: true });
  });

  it('reads UTF-8 with BOM, leaving the BOM out of the text as VS Code does', () => {
    const bytes = encodeLedgerText(LEDGER, 'utf-8', true);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const r = ok(decodeLedgerBytes(bytes));
    assert.equal(r.text, LEDGER);
    assert.equal(r.bom, true);
    assert.deepEqual(encodeLedgerText(r.text, r.encoding, r.bom), bytes);
  });

  it('detects GB18030 (as WPS/Excel write on Chinese Windows) and round-trips it byte for byte', () => {
    const bytes = new Uint8Array(iconv.encode(LEDGER, 'gb18030'));
    const r = ok(decodeLedgerBytes(bytes));
    assert.equal(r.encoding, 'gb18030');
    assert.equal(r.text, LEDGER);
    assert.equal(r.exactRoundTrip, true);
    assert.deepEqual(encodeLedgerText(r.text, r.encoding, r.bom), bytes);
  });

  it('keeps every other byte of a GB18030 file when one cell is edited', () => {
    const bytes = new Uint8Array(
      iconv.encode(LEDGER + 'A2,2024-03-02,结对帮扶资金,"1,200"\n', 'gb18030'),
    );
    const r = ok(decodeLedgerBytes(bytes));
    const edited = applyEdit(r.text, editCell(scanCsv(r.text), 1, 3, '1600'));
    const out = encodeLedgerText(edited, r.encoding, r.bom);
    assert.equal(out.length, bytes.length);
    const changed = [...out].flatMap((b, i) => (b === bytes[i] ? [] : [i]));
    assert.equal(changed.length, 1, '1500 -> 1600 changes one byte and nothing else');
  });

  it('honours a forced encoding', () => {
    const gb = new Uint8Array(iconv.encode(LEDGER, 'gb18030'));
    assert.equal(failed(decodeLedgerBytes(gb, 'utf-8')).code, 'invalid-utf-8');
    const ascii = new TextEncoder().encode('a,b\n');
    assert.equal(ok(decodeLedgerBytes(ascii, 'gb18030')).encoding, 'gb18030');
  });

  it('points at the first bad byte of a broken UTF-8 file with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0x62, 0xc3, 0x28]);
    const f = failed(decodeLedgerBytes(bytes));
    assert.equal(f.code, 'invalid-utf-8');
    assert.equal(f.byteOffset, 6);
    assert.match(f.error, /line 2/);
  });

  it('refuses binary and UTF-16 files with a clear message, never mojibake', () => {
    assert.equal(
      failed(decodeLedgerBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).code,
      'binary',
    );
    assert.equal(
      failed(decodeLedgerBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).code,
      'utf-16',
    );
    const neither = failed(decodeLedgerBytes(new Uint8Array([0x61, 0x2c, 0xff, 0xff, 0x0a])));
    assert.equal(neither.code, 'unknown');
    assert.match(neither.error, /neither UTF-8 nor GB18030/);
  });

  it('reads an empty file as empty UTF-8 text', () => {
    assert.deepEqual(ok(decodeLedgerBytes(new Uint8Array())), {
      text: '',
      encoding: 'utf-8',
      bom: false,
      exactRoundTrip: true,
    });
  });
});
