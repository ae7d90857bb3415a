import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeLedgerBytes } from '../../../src/core/csv/encoding';
import { LEDGER_CODES } from '../../../src/core/ledger/codes';
import { validateLedger } from '../../../src/core/ledger/validate';

const FIXTURES = join(process.cwd(), 'test/fixtures/invalid');
interface Expected {
  file: string;
  code: string;
  line: number;
  column: number;
  strict: boolean;
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Expected[];

const read = (path: string): string => {
  const d = decodeLedgerBytes(readFileSync(path));
  if ('error' in d) throw new Error(d.error);
  return d.text;
};

const H = '编号,日期,资金,类别,类型,摘要,金额,上限,期间,备注';
const ledger = (...rows: string[]): string =>
  [H, 'T1,2024-01-01,测试资金,,目标,目标,1000.00,2000.00,2024,', ...rows].join('\n') + '\n';
const codes = (text: string, asOf = '2024-06-30'): string[] =>
  validateLedger('t.csv', text, { asOf }).map((d) => d.code);

describe('validateLedger', () => {
  for (const e of expected) {
    it(`${e.file}: exactly one problem, ${e.code} at ${e.line}:${e.column}`, () => {
      const ds = validateLedger(e.file, read(join(FIXTURES, e.file)));
      assert.deepEqual(
        ds.map((d) => `${d.code}@${d.line}:${d.column}`),
        [`${e.code}@${e.line}:${e.column}`],
      );
      const d = ds[0];
      assert.ok(d && d.message.en.length > 0 && d.message.zh.length > 0);
      assert.ok(d.endLine > d.line || d.endColumn >= d.column);
    });
  }

  it('has a fixture for most codes and documents every code it can emit', () => {
    const docs = readFileSync(join(process.cwd(), 'docs/diagnostics.md'), 'utf8');
    for (const code of Object.keys(LEDGER_CODES))
      assert.ok(docs.includes(`### ${code}`), `${code} documented`);
  });

  for (const file of readdirSync(join(process.cwd(), 'data')).filter((f) => f.endsWith('.csv'))) {
    it(`sample ledger data/${file} is clean`, () => {
      assert.deepEqual(validateLedger(file, read(join(process.cwd(), 'data', file))), []);
    });
  }

  it('reports every problem, not just the first', () => {
    const text = ledger(
      'E1,2024-02-30,测试资金,,拨付,=1+1,abc,,,',
      'E1,2024-03-01,测试资金,,拨付,x,1.001,,,',
      'E3,2024-03-01,测试资金,,拨款,x,1,,,',
    );
    assert.deepEqual(codes(text), [
      'FL-DATE-INVALID',
      'FL-INJECTION',
      'FL-AMOUNT-NOT-NUMBER',
      'FL-ID-DUPLICATE',
      'FL-AMOUNT-PRECISION',
      'FL-KIND-UNKNOWN',
    ]);
  });

  it('does not flag negative amounts, but flags injection in every text column', () => {
    assert.deepEqual(
      codes(
        ledger(
          'E1,2024-02-01,测试资金,,拨付,冲销,-100.00,,,',
          'E2,2024-02-01,测试资金,,拨付,（100）,(100.00),,,',
        ),
      ),
      [],
    );
    const hostile = [
      '=1+1',
      '+1',
      '@A1',
      '\tx',
      '＝1',
      '＋1',
      '＠x',
      '-1+cmd|x',
      '"=HYPERLINK(""u"")"',
      '"=WEBSERVICE(""u"")"',
    ];
    for (const h of hostile)
      assert.deepEqual(
        codes(ledger(`E1,2024-02-01,测试资金,,拨付,x,1,,,${h}`)),
        ['FL-INJECTION'],
        h,
      );
    assert.deepEqual(codes(ledger('E1,2024-02-01,测试资金,,拨付,"a\rb",1,,,')), []);
    assert.deepEqual(codes(ledger('E1,2024-02-01,测试资金,,拨付,"\rb",1,,,')), ['FL-INJECTION']);
  });

  it('flags a DDE payload even inside a money-column formula', () => {
    assert.ok(
      codes(ledger("E1,2024-02-01,测试资金,,拨付,x,=cmd|' /C calc'!A0,,,")).includes(
        'FL-INJECTION',
      ),
    );
  });

  it('survives hostile headers: __proto__, constructor and blank names', () => {
    const text = [
      '编号,资金,类型,金额,__proto__,constructor,  ',
      'T1,f,目标,10,1,2,3',
      'E1,f,拨付,5,x,y,z',
    ].join('\n');
    assert.deepEqual(codes(text), ['FL-HEADER-EMPTY']);
  });

  it('adds 10,000 entries of 0.10 to exactly 1000.00', () => {
    const rows = Array.from(
      { length: 10000 },
      (_, i) => `E${i},2024-02-01,测试资金,,拨付,x,0.10,,,`,
    );
    assert.deepEqual(codes(ledger(...rows, 'S1,,测试资金,,小计,x,1000.00,,,')), []);
    assert.deepEqual(codes(ledger(...rows, 'S1,,测试资金,,小计,x,999.99,,,')), [
      'FL-TOTAL-MISMATCH',
    ]);
  });

  it('locates problems after a quoted cell that spans lines', () => {
    const ds = validateLedger(
      't.csv',
      ledger(
        'E1,2024-02-01,测试资金,,拨付,"两行\n摘要",1,,,',
        'E2,2024-02-30,测试资金,,拨付,x,1,,,',
      ),
      { asOf: '2024-06-30' },
    );
    assert.deepEqual(
      ds.map((d) => [d.code, d.line, d.column]),
      [['FL-DATE-INVALID', 5, 4]],
    );
  });

  it('accepts GB18030-decoded text and headers in English', () => {
    const en = [
      'id,date,fund,category,kind,description,amount,max,period',
      'T1,2024-01-01,F,,target,t,10,20,2024',
      'E1,2024-02-01,F,,allocated,x,15,,',
    ].join('\r\n');
    assert.deepEqual(codes(en), []);
  });

  it('reads units from the header, the unit column and the cell', () => {
    const text = [
      '编号,资金,类型,金额(万元),单位',
      'T1,f,目标,1,',
      'E1,f,拨付,0.5,',
      'E2,f,拨付,5000元,',
      'S1,f,小计,1,',
    ].join('\n');
    assert.deepEqual(codes(text), []);
    const perRow = [
      '编号,资金,类型,金额,单位',
      'T1,f,目标,1,万元',
      'E1,f,拨付,10000,元',
      'S1,f,小计,1,万元',
    ].join('\n');
    assert.deepEqual(codes(perRow), []);
  });
});
