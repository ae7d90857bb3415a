import * as assert from 'node:assert/strict';
import { compileFormula, compileMathText, type CellValue } from '../../../src/core/formula';
import { evalIn, ledger } from './helpers';

const ROWS = [['R1', 'f', 'c', '100', '', '1']];

function error(formula: string, col = 3): { code: string; en: string; zh: string } {
  const v: CellValue = evalIn([...ROWS, []], formula, [2, col]);
  assert.equal(v.kind, 'error', `${formula} should be an error, got ${JSON.stringify(v)}`);
  if (v.kind !== 'error') throw new Error('unreachable');
  assert.ok(v.message.zh.length > 0);
  return { code: v.code, en: v.message.en, zh: v.message.zh };
}

describe('hostile formulas (issue #7)', () => {
  it('=A1=100 is a comparison, as in spreadsheets; mathjs assignment syntax is refused', () => {
    assert.deepEqual(evalIn([...ROWS, []], '=D2=100', [2, 5]), { kind: 'bool', value: true });
    assert.match(error('=a=100').en, /assignment is not allowed/);
    assert.match(error('=f(x)=x^2').en, /defining functions is not allowed/);
  });

  it('property access, import, createUnit, evaluate, parse are refused and nothing runs', () => {
    let ran = false;
    (globalThis as { __pwned?: () => void }).__pwned = () => (ran = true);
    assert.match(error('=cos.constructor("return __pwned()")()').en, /property access/);
    assert.match(error('=cos["constructor"]').en, /matrices|property/);
    for (const fn of [
      'import',
      'createUnit',
      'evaluate',
      'parse',
      'simplify',
      'compile',
      'zeros',
    ]) {
      const e = error(`=${fn}("x")`);
      assert.equal(e.code, '#NAME?', fn);
      assert.match(e.en, new RegExp(`unknown function ${fn}`));
    }
    assert.equal(ran, false);
  });

  it('matrices, units, complex results and division by zero are clear errors', () => {
    assert.equal(error('=zeros(100000,100000)').code, '#NAME?');
    assert.match(error('=[1,2]').en, /matrices/);
    assert.match(error('=1[2]').en, /matrices/);
    assert.match(error('=D2[0]').en, /property access/);
    assert.match(error('=5 cm').en, /units are not allowed/);
    assert.match(error('=5cm').en, /units are not allowed/);
    assert.equal(error('=sqrt(-1)').code, '#NAME?');
    assert.equal(error('=(-1)^0.5').code, '#NUM!');
    const div = error('=1/0');
    assert.equal(div.code, '#DIV/0!');
    assert.match(div.en, /division by zero/);
  });

  it('the AST whitelist refuses dangerous mathjs nodes even if the tokenizer let them through', () => {
    const cases: [string, RegExp][] = [
      ['a = 100', /assignment/],
      ['f(x) = x^2', /defining functions/],
      ['cos.constructor("x")', /property access/],
      ['x[1]', /property access/],
      ['{a: 1}', /objects/],
      ['[1, 2]', /matrices/],
      ['zeros(100000, 100000)', /unknown function zeros/],
      ['5 cm', /implicit multiplication and units/],
      ['2 _r0', /implicit multiplication/],
      ['1:3', /ranges/],
      ['true ? 1 : 2', /IF/],
      ['1; 2', /multiple expressions/],
      ['1 < 2 < 3', /chained/],
      ['5!', /operator "factorial"/],
      ['5 mod 2', /operator "mod"/],
      ['not true', /operator "not"/],
      ['"str"', /constant/],
      ['Infinity', /constant|unknown name/],
      ['import("x")', /unknown function import/],
      ['evaluate("1")', /unknown function evaluate/],
      ['pi', /unknown name/],
    ];
    for (const [text, re] of cases) {
      const r = compileMathText(text);
      assert.equal(r.ok, false, text);
      if (!r.ok) assert.match(r.message.en, re, text);
    }
  });

  it('cycles of length 1, 2 and 1,000 become #CYCLE!, detected without recursion', () => {
    const one = ledger([['R1', '', '', '=D2', '', '']]).engine;
    const self = one.value(1, 3);
    assert.equal(self.kind === 'error' && self.code, '#CYCLE!');
    const two = ledger([
      ['R1', '', '', '=D3', '', ''],
      ['R2', '', '', '=D2+1', '', ''],
    ]).engine;
    for (const r of [1, 2]) {
      const v = two.value(r, 3);
      assert.ok(v.kind === 'error' && v.code === '#CYCLE!');
    }
    const n = 1000;
    const rows = Array.from({ length: n }, (_, i) => [
      `R${i}`,
      '',
      '',
      `=D${((i + 1) % n) + 2}+1`,
      '',
      '',
    ]);
    rows.push(['after', '', '', `=D2*2`, '', '']);
    const big = ledger(rows).engine;
    for (let r = 1; r <= n; r++) {
      const v = big.value(r, 3);
      assert.ok(v.kind === 'error' && v.code === '#CYCLE!', `row ${r}`);
    }
    // A cell downstream of the cycle carries the cycle's error with its origin.
    const after = big.value(n + 1, 3);
    assert.ok(after.kind === 'error' && after.code === '#CYCLE!' && after.origin.row === 1);
  });

  it('a 100 KB formula and 10,000-deep nesting are errors, not crashes', () => {
    const long = '=' + '1+'.repeat(50_000) + '1';
    assert.match(error(long).en, /limit is 10000/);
    const deep = '=' + '('.repeat(10_000) + '1' + ')'.repeat(10_000);
    assert.equal(error(deep).code, '#ERROR!');
    const deepWithinLength = '=' + '('.repeat(4_000) + '1' + ')'.repeat(4_000);
    assert.match(error(deepWithinLength).en, /nested too deeply/);
    const deepCalls = '=' + 'ABS('.repeat(1_500) + '1' + ')'.repeat(1_500);
    assert.match(error(deepCalls).en, /nested too deeply/);
    // Even raw mathjs text that would overflow mathjs's recursive parser is caught, not thrown.
    const raw = compileMathText('('.repeat(10_000) + '1' + ')'.repeat(10_000));
    assert.ok(!raw.ok && raw.code === '#ERROR!');
    const signs = '=' + '-'.repeat(10_000) + '1';
    assert.match(error(signs).en, /limit|too many signs/);
    const powers = '=' + '2^'.repeat(3000) + '2';
    assert.match(error(powers).en, /too many "\^"/);
    // Long but legal left-nested chains stay within limits.
    const chain = compileFormula('1+'.repeat(900) + '1');
    assert.equal(chain.ok, true);
  });

  it('huge numbers and exponents give #NUM!, never Infinity', () => {
    assert.equal(error('=1e40').code, '#NUM!');
    assert.equal(error('=10^40').code, '#NUM!');
    assert.equal(error('=2^100000').code, '#NUM!');
    assert.equal(error('=999999999999999*999999999999999*99999').code, '#NUM!');
  });

  it('reference and name errors carry their origin', () => {
    const e = error('=D2000');
    assert.equal(e.code, '#REF!');
    assert.equal(error('={NO-SUCH-ID}').code, '#REF!');
    assert.equal(error('={R1:no such column}').code, '#REF!');
    assert.equal(error('=XYZ').code, '#NAME?');
    assert.equal(error('=SUM(1,').code, '#ERROR!');
    assert.equal(error('="a"+1').code, '#VALUE!');
    assert.equal(error('=D2:D2+1').code, '#VALUE!');
    assert.equal(error('=IF(1)').code, '#VALUE!');
    assert.equal(error('="x"').code, '#VALUE!');
    const { engine } = ledger([
      ['R1', '', '', 'abc', '', ''],
      ['R2', '', '', '=D2*2', '', ''],
      ['R3', '', '', '=D3+1', '', ''],
    ]);
    const v = engine.value(3, 3);
    assert.ok(v.kind === 'error' && v.code === '#VALUE!');
    assert.deepEqual(v.kind === 'error' && v.origin, { row: 1, col: 3 });
  });
});
