import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatAmount, parseAmount, type Unit } from '../../../src/core/money';

function fen(text: string, unit: Unit = '元'): bigint {
  const r = parseAmount(text, unit);
  if (!r.ok) assert.fail(`${text}: ${r.message.en}`);
  return r.fen;
}

function code(text: string, unit: Unit = '元'): string {
  const r = parseAmount(text, unit);
  return r.ok ? 'ok' : r.code;
}

describe('parseAmount', () => {
  it('reads plain, grouped, signed and suffixed amounts exactly', () => {
    assert.equal(fen('4320000'), 432000000n);
    assert.equal(fen('4,320,000.00'), 432000000n);
    assert.equal(fen('432万'), 432000000n);
    assert.equal(fen('432万元'), 432000000n);
    assert.equal(fen('1.5亿'), 15000000000n);
    assert.equal(fen('1.5亿元'), 15000000000n);
    assert.equal(fen('4320000元'), 432000000n);
    assert.equal(fen('-100.00'), -10000n);
    assert.equal(fen('+5'), 500n);
    assert.equal(fen('  12.3 '), 1230n);
    assert.equal(fen('.5'), 50n);
    assert.equal(fen('¥1,000'), 100000n);
    assert.equal(fen('0.10'), 10n);
  });

  it('uses the column unit unless the cell carries its own', () => {
    assert.equal(fen('432', '万元'), 432000000n);
    assert.equal(fen('0.0432', '亿元'), 432000000n);
    assert.equal(fen('100元', '万元'), 10000n);
    assert.equal(fen('1万', '亿元'), 1000000n);
    assert.equal(fen('0.000001', '万元'), 1n);
  });

  it('treats accounting parentheses as negative', () => {
    assert.equal(fen('(100)'), -10000n);
    assert.equal(fen('（1,234.50）'), -123450n);
    assert.equal(code('(-100)'), 'FL-AMOUNT-NOT-NUMBER');
    assert.equal(code('(100'), 'FL-AMOUNT-NOT-NUMBER');
  });

  it('normalises full-width digits, separators and signs to the same number', () => {
    assert.equal(fen('１２３'), 12300n);
    assert.equal(fen('－１，２３４．５'), -123450n);
    assert.equal(fen('１２３万'), 123000000n);
  });

  it('rejects forms that naive parsing would corrupt, with a reason', () => {
    for (const bad of [
      '1e3',
      '1E3',
      '0700',
      '00',
      'TRUE',
      'abc',
      '',
      '   ',
      '1,23',
      '1234,567',
      '12,34,567',
      ',123',
      '1.2.3',
      '--1',
      '5 cm',
      '1万亿',
      '¥',
    ]) {
      const r = parseAmount(bad, '元');
      assert.equal(r.ok, false, bad);
      if (!r.ok) {
        assert.equal(r.code, 'FL-AMOUNT-NOT-NUMBER', bad);
        assert.ok(r.message.en.length > 0 && r.message.zh.length > 0);
      }
    }
    const e = parseAmount('1e3', '元');
    assert.ok(!e.ok && e.message.en.includes('scientific'));
  });

  it('accepts zero forms; -0 is zero', () => {
    assert.equal(fen('-0'), 0n);
    assert.equal(fen('0'), 0n);
    assert.equal(fen('0.00'), 0n);
  });

  it('reports more than 2 decimals after normalisation with the exact value, never rounding', () => {
    const r = parseAmount('12345678901234.567', '元');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.code, 'FL-AMOUNT-PRECISION');
      assert.ok(r.message.en.includes('12345678901234.567'), r.message.en);
      assert.ok(r.message.en.includes('12345678901234.57'), r.message.en);
    }
    assert.equal(code('0.001'), 'FL-AMOUNT-PRECISION');
    assert.equal(code('0.0000001', '万元'), 'FL-AMOUNT-PRECISION');
    assert.equal(code('1.23456789012', '亿元'), 'FL-AMOUNT-PRECISION');
    // Trailing zeros do not change the value, so they are not extra precision.
    assert.equal(fen('1.500'), 150n);
    assert.equal(fen('12345678901234.56'), 1234567890123456n);
  });

  it('keeps huge amounts exact', () => {
    assert.equal(fen('123456789012345678901234.56'), 12345678901234567890123456n);
    assert.equal(code('1'.repeat(65)), 'FL-AMOUNT-NOT-NUMBER');
  });

  it('round-trips every fen value through formatAmount in every unit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.constantFrom<Unit>('元', '万元', '亿元'),
        fc.boolean(),
        (v, unit, grouping) => {
          assert.equal(fen(formatAmount(v, unit, { grouping }), unit), v);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseAmount(s, '元');
        assert.ok(r.ok || r.message.en.length > 0);
      }),
      { numRuns: 3000 },
    );
  });
});
