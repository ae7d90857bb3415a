import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalsFor, moneyScale, niceStep } from '../../../src/webview/chart/scale';

describe('chart money scale', () => {
  it('picks 1/2/5 steps in exact fen', () => {
    assert.equal(niceStep(432000000n, 4, '万元'), 200000000n); // 432万 → 200万 steps
    assert.equal(niceStep(20000000000n, 4, '亿元'), 5000000000n); // 2亿 → 0.5亿 steps
    assert.equal(niceStep(150000000n, 5, '万元'), 50000000n);
  });

  it('never steps below what the unit shows with two decimals', () => {
    assert.equal(niceStep(1n, 4, '亿元'), 100000000n);
    assert.equal(niceStep(1n, 4, '元'), 1n);
  });

  it('widens the domain to whole steps and maps ends to the pixel range', () => {
    const s = moneyScale(0n, 432000000n, 100, 500, '万元');
    assert.equal(s.min, 0n);
    assert.equal(s.max, 600000000n);
    assert.deepEqual(s.ticks, [0n, 200000000n, 400000000n, 600000000n]);
    assert.equal(s.x(0n), 100);
    assert.equal(s.x(600000000n), 500);
    assert.equal(s.x(300000000n), 300);
  });

  it('includes negative actuals (refunds) left of zero', () => {
    const s = moneyScale(-100000n, 1000000n, 0, 100, '元');
    assert.ok(s.min <= -100000n);
    assert.ok(s.x(0n) > 0);
  });

  it('gives an empty domain one unit of room', () => {
    const s = moneyScale(0n, 0n, 0, 100, '万元');
    assert.ok(s.max > 0n);
    assert.equal(s.x(0n), 0);
  });

  it('tick decimals print every tick exactly', () => {
    assert.equal(decimalsFor(5000000000n, '亿元'), 1);
    assert.equal(decimalsFor(200000000n, '万元'), 0);
    assert.equal(decimalsFor(5n, '元'), 2);
    assert.equal(decimalsFor(50n, '元'), 1);
  });

  it('ticks are ascending, cover the data, and number at most maxTicks + 1', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom('元' as const, '万元' as const, '亿元' as const),
        (hi, maxTicks, unit) => {
          const s = moneyScale(0n, hi, 0, 1000, unit, maxTicks);
          assert.ok(s.max >= hi);
          assert.ok(s.ticks.length <= maxTicks + 1 || s.ticks.length <= 3);
          for (let i = 1; i < s.ticks.length; i++)
            assert.ok((s.ticks[i] ?? 0n) > (s.ticks[i - 1] ?? 0n));
          const x = s.x(hi);
          assert.ok(x >= 0 && x <= 1000);
        },
      ),
    );
  });
});
