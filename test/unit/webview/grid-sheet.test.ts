// The grid evaluates formulas over its document mirror; the CLI (`fund-ledger validate/report`) and the
// chart over the ledger's typed row store (FactsSheet). The same ledger must give the same values in
// both, to the fen: units per row, free text, kinds written in English, ids and funds with spaces.
import * as assert from 'node:assert/strict';
import { FormulaEngine } from '../../../src/core/formula/engine';
import type { CellValue } from '../../../src/core/formula/types';
import { analyzeLedger } from '../../../src/core/ledger/validate';
import { GridModel } from '../../../src/webview/grid/gridModel';
import { GridSheet } from '../../../src/webview/grid/gridSheet';
import { LedgerPresenter } from '../../../src/webview/grid/presenter';

const LEDGER = [
  '编号,日期,资金,类别,类型,摘要,金额,单位,人数,备注',
  'T1,2025-01-01,甲,公用,目标,全年,5000,万元,,',
  'T2,2025-01-01,乙,公用,目标,全年,100,万元,,',
  ' E1 ,2025-01-05, 甲 ,公用,allocated,第一批,300,万元,12,备注文字',
  'E2,2025-02-05,甲,公用,拨付,15,120.50,元,8,',
  'E3,2025-03-05,乙,公用,支出,设备,=G4+G5,元,,',
  'F1,2025-04-05,乙,公用,基数,,"=SUMIFS(G2:G6, E2:E6, ""拨付"")",元,,',
  'F2,2025-04-05,乙,公用,基数,,"=SUMIFS(G2:G6, C2:C6, ""甲"")",元,,',
  'F3,2025-04-05,乙,公用,基数,,=I4*2+F5,元,,',
  'F4,2025-04-05,乙,公用,基数,,"=IF(J4="""",1,2)",元,,',
  'F5,2025-04-05,乙,公用,基数,,={E1}+{E1:人数},元,,',
  'F6,2025-04-05,乙,公用,基数,,"=IF(F5=15,7,9)",元,,',
  'F7,2025-04-05,乙,公用,基数,,"=IF(E4=""拨付"",1,0)",万元,,',
  'F8,2025-04-05,乙,公用,基数,,"=IF({E1:资金}=""甲"",1,0)",万元,,',
  '',
].join('\n');

/** What the CLI computes for rows 4.. of the amount column (fen), checked by hand. */
const CLI_FEN = [
  300_000_000n, // 300 万元 (unit from the row's 单位 cell)
  12_050n,
  300_012_050n, // G4 + G5
  300_012_050n, // allocated is 拨付
  5_300_012_050n, // 甲: target 5000 万元 + E1 + E2
  3_900n, // 12 × 2 + 15 (a number in 摘要)
  100n, // 备注 free text reads as empty
  300_001_200n, // {E1} + 12
  700n, // 摘要 15 is a number
  1_000_000n, // kind read as 拨付, in 万元
  1_000_000n, // fund trimmed
];

function gridValues(text: string): (row: number, col: number) => CellValue {
  const model = new GridModel();
  model.reset(text, 1, false, null);
  const sheet = new GridSheet(model);
  sheet.refresh();
  const engine = new FormulaEngine(sheet);
  return (row, col) => engine.value(row, col);
}

function show(v: CellValue | undefined): string {
  if (!v) return 'none';
  if (v.kind === 'number') return v.fen !== undefined ? `${v.fen} fen` : v.value;
  if (v.kind === 'error') return v.code;
  return `${v.kind}:${'value' in v ? String(v.value) : ''}`;
}

describe('grid formulas read the ledger as the CLI does', () => {
  it('gives every formula cell the value the CLI computes, to the fen', () => {
    const cli = analyzeLedger('t.ledger.csv', LEDGER);
    assert.deepEqual(
      cli.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line} ${d.code}`),
      [],
    );
    assert.ok(cli.engine, 'the CLI evaluated the formulas');
    const amount = 6;
    assert.deepEqual(
      CLI_FEN.map((_, i) => show(cli.engine?.value(i + 3, amount))),
      CLI_FEN.map((fen) => `${fen} fen`),
    );
    const grid = gridValues(LEDGER);
    const mismatches: string[] = [];
    for (let row = 1; row < CLI_FEN.length + 3; row++) {
      const a = show(cli.engine.value(row, amount));
      const b = show(grid(row, amount));
      if (a !== b) mismatches.push(`G${row + 1}: CLI ${a}, grid ${b}`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('shows typed text as typed and each amount in its row’s unit', () => {
    const model = new GridModel();
    model.reset(LEDGER, 1, false, null);
    const presenter = new LedgerPresenter(model);
    presenter.rebuild();
    const shown = (row: number, col: number) => presenter.present(model, row, col).text;
    // Kind and free text are not rewritten for display (formulas read them as 拨付 and as empty).
    assert.equal(shown(3, 4), 'allocated');
    assert.equal(shown(3, 9), '备注文字');
    assert.equal(shown(3, 0), ' E1 ');
    // 300 in a 万元 row shows as 300.00 (万元), not 300 元; 5000 万元 in the unit the display asks for.
    assert.equal(shown(3, 6), '300.00');
    presenter.unit = '元';
    assert.equal(shown(3, 6), '3,000,000.00');
    assert.equal(shown(7, 6), '53,000,120.50');
    assert.equal(presenter.fen(7, 6), 5_300_012_050n);
  });
});
