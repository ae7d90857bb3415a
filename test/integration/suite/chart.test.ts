// The allocation chart panel in a real VS Code: opened on a ledger, its numbers are the core's
// aggregation to the fen, it follows unsaved edits, rejects forged messages and writes exports.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { analyzeLedger } from '../../../src/core/ledger/validate';
import type { ChartModel } from '../../../src/shared/protocol';
import { HOSTILE_FUND, SAMPLE_LEDGER } from '../../unit/chart/sampleLedger';
import { closeAll, ledgerApi, openGrid, writeLedger } from './gridHelpers';

/** Polls the panel's model until `predicate` holds; the test's own timeout bounds it. */
async function modelWhere(predicate: (m: ChartModel) => boolean): Promise<ChartModel> {
  const api = await ledgerApi();
  for (;;) {
    const m = await api.allocationModel();
    if (m && predicate(m)) return m;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What `fund-ledger report` computes for the same text. */
function coreTargets(text: string) {
  return analyzeLedger('x.ledger.csv', text, { pace: true });
}

describe('allocation chart panel', () => {
  afterEach(closeAll);

  it('shows, for every fund, exactly the core aggregation', async () => {
    const uri = await writeLedger(SAMPLE_LEDGER);
    await vscode.commands.executeCommand('fundLedger.showAllocation', uri);
    const model = await modelWhere((m) => m.bars.length > 0);
    const { targets: core, asOf } = coreTargets(SAMPLE_LEDGER);
    assert.equal(model.asOf, asOf);
    assert.equal(model.bars.length, core.length);
    core.forEach((p, i) => {
      const bar = model.bars[i];
      assert.ok(bar);
      assert.equal(bar.fund, p.fund);
      assert.equal(bar.actual, p.actual.toString());
      assert.equal(bar.remaining, p.remaining.toString());
      assert.equal(bar.targetMin, p.target ? p.target.min.toString() : null);
      assert.equal(bar.targetMax, p.target ? p.target.max.toString() : null);
      assert.equal(bar.status, p.status);
      assert.equal(bar.rowCount, p.rows.length);
      assert.equal(bar.unit, p.unit);
      assert.equal(bar.share, p.share ?? null);
    });
    const paired = model.bars.find((b) => b.fund === '对口帮扶援助资金');
    assert.equal(paired?.targetMin, '432000000');
    assert.deepEqual(
      paired?.breakdown.category.map((c) => [c.label, c.actual]),
      [
        ['学校建设', '200000000'],
        ['条件改善', '120000000'],
        ['学生资助', '47200000'],
      ],
    );
    const band = model.bars.find((b) => b.fund === '教育教学质量建设资金');
    assert.deepEqual([band?.targetMin, band?.targetMax], ['1000000000', '1500000000']);
    assert.ok(model.bars.some((b) => b.fund === HOSTILE_FUND));
  });

  it('follows unsaved edits of the open ledger', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(SAMPLE_LEDGER);
    const doc = await openGrid(uri);
    await vscode.commands.executeCommand('fundLedger.showAllocation', uri);
    await modelWhere((m) => m.bars.some((b) => b.actual === '367200000'));
    // Row 4 (A3, 学生资助) column 6 (金额): 47.20万 becomes 112.00万, so the fund reaches its 432万.
    assert.equal(await api.editCell(uri, 4, 6, '112.00'), true);
    assert.equal(doc.isDirty, true);
    const after = await modelWhere((m) => m.bars.some((b) => b.actual === '432000000'));
    const paired = after.bars.find((b) => b.fund === '对口帮扶援助资金');
    assert.equal(paired?.status, 'within');
    assert.equal(paired?.remaining, '0');
    // Computed in the analysis worker from the document's change event alone (the edited row
    // re-read), and still equal, bar by bar, to a full analysis of the edited text.
    assert.deepEqual(api.chartAnalysis(), { inWorker: true, modes: ['row'] });
    const full = coreTargets(doc.getText()).targets;
    for (const t of full.filter((x) => x.target)) {
      const bar = after.bars.find((b) => b.fund === t.fund && b.category === (t.category ?? null));
      assert.equal(bar?.actual, t.actual.toString(), t.fund);
    }
  });

  it('a bar click selects the bar’s counted rows in the grid', async () => {
    const api = await ledgerApi();
    // Each suite bundle numbers its files from 1, so a plain name could be a grid suite's file that
    // VS Code still holds with this text: this one opens in the grid, so it gets a name of its own.
    const uri = await writeLedger(SAMPLE_LEDGER, '-chart-reveal.ledger.csv');
    await vscode.commands.executeCommand('fundLedger.showAllocation', uri);
    const model = await modelWhere((m) => m.bars.length > 0);
    const bar = model.bars.find((b) => b.fund === '对口帮扶援助资金');
    assert.ok(bar);
    const rows = coreTargets(SAMPLE_LEDGER).targets.find((p) => p.fund === bar.fund)?.rows ?? [];
    const first = Math.min(...rows);
    assert.ok(rows.length > 1, 'a bar counting several rows');
    const ok = await api.postChartMessage({
      type: 'chartReveal',
      key: bar.key,
      part: null,
      drill: 'none',
    });
    assert.equal(ok, true);
    // The first counted row is active; the revealCell fallback it replaces would also do that, so the
    // count (whole rows, or one row when they are scattered) shows revealRows ran.
    const contiguous = Math.max(...rows) - first === rows.length - 1;
    const width = SAMPLE_LEDGER.split('\n')[0]?.split(',').length ?? 0;
    for (;;) {
      const s = api.gridSelection(uri);
      if (s?.row === first && s.count === (contiguous ? rows.length : 1) * width) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('rejects forged messages and changes nothing', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(SAMPLE_LEDGER);
    await vscode.commands.executeCommand('fundLedger.showAllocation', uri);
    await modelWhere((m) => m.bars.length > 0);
    for (const forged of [
      null,
      { type: 'nope' },
      { type: 'chartSetUnit', unit: '千元' },
      { type: 'chartReveal', key: 1, part: null, drill: 'none' },
      { type: 'chartReveal', key: 'x', part: null, drill: 'month' },
      { type: 'chartSave', format: 'exe', data: '' },
      { type: 'chartSave', format: 'png', data: '<svg/>' },
      { type: 'chartSave', format: 'svg', data: 'x'.repeat(70_000_000) },
    ]) {
      assert.equal(await api.postChartMessage(forged), false, JSON.stringify(forged)?.slice(0, 80));
    }
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), SAMPLE_LEDGER);
  });

  it('writes a CSV export with a BOM so Excel reads the Chinese text', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(SAMPLE_LEDGER);
    await vscode.commands.executeCommand('fundLedger.showAllocation', uri);
    await modelWhere((m) => m.bars.length > 0);
    const target = vscode.Uri.file(`${uri.fsPath}.export.csv`);
    api.setChartSaveTarget(target);
    const csv = '资金,实际(万元)\r\n对口帮扶援助资金,367.20\r\n';
    assert.equal(await api.postChartMessage({ type: 'chartSave', format: 'csv', data: csv }), true);
    const bytes = await fs.readFile(target.fsPath);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), csv);
  });

  it('switching to the workspace scope includes every ledger', async () => {
    const api = await ledgerApi();
    const a = await writeLedger(SAMPLE_LEDGER);
    await vscode.commands.executeCommand('fundLedger.showAllocation', a);
    await modelWhere((m) => m.bars.length > 0);
    assert.equal(await api.postChartMessage({ type: 'chartSetScope', scope: 'workspace' }), true);
    const all = await modelWhere((m) => new Set(m.bars.map((b) => b.file)).size > 1);
    assert.ok(all.bars.some((b) => b.file === vscode.workspace.asRelativePath(a)));
  });
});
