import * as assert from 'node:assert/strict';
import {
  isLedgerHeader,
  parseKind,
  resolveHeader,
  resolveSchema,
} from '../../../src/core/ledger/schema';

describe('ledger schema', () => {
  it('resolves Chinese and English aliases, ignoring case, spaces and full-width brackets', () => {
    assert.equal(resolveHeader('编号').role, 'id');
    assert.equal(resolveHeader(' Amount ').role, 'amount');
    assert.equal(resolveHeader('ＦＵＮＤ').role, 'fund');
    assert.deepEqual(resolveHeader('金额（万元）'), {
      header: '金额（万元）',
      role: 'amount',
      unit: '万元',
    });
    assert.deepEqual(resolveHeader('amount ( 亿元 )'), {
      header: 'amount ( 亿元 )',
      role: 'amount',
      unit: '亿元',
    });
    assert.equal(resolveHeader('上限(万)').unit, '万元');
    assert.equal(resolveHeader('人数').role, 'extra');
  });

  it('reports a bracket that is not a unit instead of guessing', () => {
    assert.deepEqual(resolveHeader('金额(千元)'), {
      header: '金额(千元)',
      role: 'amount',
      badUnit: '千元',
    });
  });

  it('keeps hostile header names as plain extra columns', () => {
    const s = resolveSchema([
      '__proto__',
      'constructor',
      '   ',
      'toString',
      '编号',
      '资金',
      '类型',
      '金额',
    ]);
    assert.deepEqual(
      s.headers.map((h) => h.role),
      ['extra', 'extra', 'extra', 'extra', 'id', 'fund', 'kind', 'amount'],
    );
    assert.deepEqual(s.missing, []);
    assert.equal(Object.getPrototypeOf(s.columns), Map.prototype);
  });

  it('lists missing required roles, repeated names and second columns of one role', () => {
    const s = resolveSchema(['编号', '金额', 'amount', '金额', '资金']);
    assert.deepEqual(s.missing, ['kind']);
    assert.deepEqual(s.repeatedHeaders, [{ col: 3, first: 1 }]);
    assert.deepEqual(s.duplicates, [{ role: 'amount', col: 2, first: 1 }]);
  });

  it('recognises a ledger header for folder discovery', () => {
    assert.ok(isLedgerHeader(['编号', '资金', '类型', '金额(万元)']));
    assert.ok(!isLedgerHeader(['name', 'amount']));
  });

  it('parses kinds in both languages', () => {
    assert.equal(parseKind('目标'), 'target');
    assert.equal(parseKind('Target : Raised'), 'target:raised');
    assert.equal(parseKind('target：spent'), 'target:spent');
    assert.equal(parseKind('拨付'), 'allocated');
    assert.equal(parseKind('基数'), 'base');
    assert.equal(parseKind('合计'), 'total');
    assert.equal(parseKind('截至'), 'as-of');
    assert.equal(parseKind('拨款'), undefined);
    assert.equal(parseKind('__proto__'), undefined);
  });
});
