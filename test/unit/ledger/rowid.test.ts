import * as assert from 'node:assert/strict';
import { newRowId, rowIdPrefix } from '../../../src/core/ledger/rowid';

describe('newRowId', () => {
  it('makes <prefix>-<8 Crockford base32 chars>', () => {
    assert.match(newRowId(new Set(), 'FJQ24'), /^FJQ24-[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it('never returns an id that exists, and 10,000 fresh ids are distinct', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10000; i++) {
      const id = newRowId(ids, 'R');
      assert.ok(!ids.has(id));
      ids.add(id);
    }
    assert.equal(ids.size, 10000);
  });

  it('cleans prefixes and derives them from a neighbouring id', () => {
    assert.match(newRowId(new Set(), '=cmd|'), /^cmd-/);
    assert.match(newRowId(new Set(), ''), /^R-/);
    assert.equal(rowIdPrefix('QF-7K3M9P2X'), 'QF');
    assert.equal(rowIdPrefix('FJRC-B-01'), 'FJRC-B');
    assert.equal(rowIdPrefix('E12'), 'E');
    assert.equal(rowIdPrefix(undefined), 'R');
  });
});
