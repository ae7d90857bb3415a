import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ArraySheet, FormulaEngine, type CellType } from '../../../src/core/formula';

/** CI runs 3,000 cases; `npm run fuzz` sets FUZZ_RUNS much higher. */
const RUNS = Number(process.env['FUZZ_RUNS']) || 3000;

const TOKENS = [
  'D2',
  'D3',
  'E2',
  'B2',
  'D:D',
  'D2:D3',
  '{r2}',
  '{r3:金额}',
  '{x',
  '}',
  '1',
  '0',
  '-1',
  '2.5',
  '1e30',
  '1e-30',
  '999999999999999',
  '%',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<>',
  '<',
  '>=',
  '(',
  ')',
  ',',
  '"a"',
  '"',
  'SUM(',
  'SUMIF(',
  'SUMIFS(',
  'AVERAGE(',
  'MIN(',
  'MAX(',
  'ROUND(',
  'ABS(',
  'IF(',
  'AND(',
  'OR(',
  'NOT(',
  'COUNT(',
  'COUNTIF(',
  'IFERROR(',
  'TRUE',
  'FALSE',
  'cos',
  '.',
  'constructor',
  '[',
  ']',
  '{',
  ';',
  ':',
  'import(',
  'evaluate(',
  'cm',
  'x',
  '=',
  ' ',
  '?',
  '!',
  "'",
  '１',
  '\u0000',
  'Infinity',
  'NaN',
  '_r0',
  '_s0',
];

describe('formula evaluator fuzzing', () => {
  it('never throws and never yields a non-finite number, for random token soup', () => {
    const types: CellType[] = ['text', 'text', '元', '万元', 'number'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }),
        fc.constantFrom(2, 3, 4),
        (tokens, col) => {
          const formula = '=' + tokens.join('');
          const cells = [
            ['id', 'fund', '金额', '金额(万元)', 'n'],
            ['r2', 'g', '10', '0.5', '3'],
            ['r3', 'h', '-2.5', '', '4'],
            ['r4', 'g', '', '', ''],
          ];
          (cells[3] as string[])[col] = formula;
          const sheet = new ArraySheet(cells, types, 0, new Set(), { 金额: 2 });
          const engine = new FormulaEngine(sheet);
          for (let r = 1; r < 4; r++)
            for (let c = 0; c < 5; c++) {
              const v = engine.value(r, c);
              if (v.kind === 'number') {
                assert.match(v.value, /^-?\d+(\.\d+)?$/, formula);
              }
              if (v.kind === 'error') assert.ok(v.message.en.length > 0 && v.message.zh.length > 0);
            }
          const v = engine.value(3, col);
          if (v.kind === 'error')
            assert.ok(!/TypeError|undefined|ReferenceError/.test(v.message.en), v.message.en);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
