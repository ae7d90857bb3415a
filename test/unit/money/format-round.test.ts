import * as assert from 'node:assert/strict';
import { formatAmount, parseAmount, roundToFen, type Unit } from '../../../src/core/money';

describe('formatAmount', () => {
  it('shows 元 with 2 decimals and grouping', () => {
    assert.equal(formatAmount(432000000n, '元'), '4,320,000.00');
    assert.equal(formatAmount(-123456n, '元'), '-1,234.56');
    assert.equal(formatAmount(5n, '元'), '0.05');
    assert.equal(formatAmount(432000000n, '元', { grouping: false }), '4320000.00');
    assert.equal(formatAmount(432000000n, '元', { suffix: true }), '4,320,000.00 元');
  });

  it('extends decimals in 万元 and 亿元 only as far as needed to stay exact', () => {
    assert.equal(formatAmount(432000000n, '万元'), '432.00');
    assert.equal(formatAmount(432000000n, '亿元'), '0.0432');
    assert.equal(formatAmount(1n, '万元'), '0.000001');
    assert.equal(formatAmount(1n, '亿元'), '0.0000000001');
    assert.equal(formatAmount(1234567800000000n, '万元'), '1,234,567,800.00');
  });

  it('rounds only when fixed decimals are asked for', () => {
    assert.equal(formatAmount(432050000n, '万元', { decimals: 1 }), '432.1');
    assert.equal(formatAmount(-432050000n, '万元', { decimals: 1 }), '-432.1');
    assert.equal(formatAmount(432050000n, '万元', { decimals: 1, rounding: 'half-even' }), '432.0');
    assert.equal(formatAmount(100n, '元', { decimals: 4 }), '1.0000');
    assert.equal(formatAmount(149n, '元', { decimals: 0 }), '1');
  });
});

describe('roundToFen', () => {
  it('rounds half-up away from zero at the .005 boundary', () => {
    assert.equal(roundToFen('0.005'), 1n);
    assert.equal(roundToFen('-0.005'), -1n);
    assert.equal(roundToFen('2.675'), 268n);
    assert.equal(roundToFen('-2.675'), -268n);
    assert.equal(roundToFen('0.0049999999999'), 0n);
    assert.equal(roundToFen('1.004999'), 100n);
  });

  it('rounds half-even to the even fen at the boundary', () => {
    assert.equal(roundToFen('0.005', 'half-even'), 0n);
    assert.equal(roundToFen('0.015', 'half-even'), 2n);
    assert.equal(roundToFen('-0.005', 'half-even'), 0n);
    assert.equal(roundToFen('-0.015', 'half-even'), -2n);
    assert.equal(roundToFen('0.0051', 'half-even'), 1n);
  });

  it('accepts exponent output and objects with toFixed', () => {
    assert.equal(roundToFen('1.5e-2'), 2n);
    assert.equal(roundToFen({ toFixed: () => '12.345' }), 1235n);
    assert.throws(() => roundToFen('NaN'), RangeError);
  });
});

describe('exact sums', () => {
  it('10,000 rows of 0.10 total exactly 1000.00', () => {
    let total = 0n;
    for (let i = 0; i < 10000; i++) {
      const r = parseAmount('0.10', '元');
      assert.ok(r.ok);
      total += r.fen;
    }
    assert.equal(formatAmount(total, '元'), '1,000.00');
    assert.equal(total, 100000n);
  });

  it('units convert exactly: 4,320,000.00 元 = 432 万元 = 0.0432 亿元', () => {
    const units: Unit[] = ['元', '万元', '亿元'];
    const texts = ['4,320,000.00', '432', '0.0432'];
    const fens = units.map((u, i) => {
      const r = parseAmount(texts[i] ?? '', u);
      assert.ok(r.ok);
      return r.fen;
    });
    assert.deepEqual(fens, [432000000n, 432000000n, 432000000n]);
  });
});
