import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdIndex } from '../../../src/core/ledger/id-index';

describe('IdIndex', () => {
  it('behaves like a Map<string, number> that keeps the first row of each id', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 300 }), (ids) => {
        const index = new IdIndex();
        const map = new Map<string, number>();
        ids.forEach((id, row) => {
          assert.equal(index.add(id, row), map.get(id));
          if (!map.has(id)) map.set(id, row);
        });
        for (const id of ids) assert.equal(index.get(id), map.get(id));
        assert.equal(index.get('\u0000absent'), undefined);
        assert.deepEqual([...index.entries()], [...map.entries()]);
      }),
    );
  });

  it('holds 200,000 ids with hash-colliding neighbours exactly', () => {
    const index = new IdIndex();
    for (let i = 0; i < 200_000; i++) assert.equal(index.add(`R-${i}`, i), undefined);
    assert.equal(index.size, 200_000);
    assert.equal(index.add('R-123', 9), 123);
    assert.equal(index.get('R-199999'), 199_999);
    assert.equal(index.get('R-200000'), undefined);
    assert.equal(index.get('__proto__'), undefined);
  });
});
