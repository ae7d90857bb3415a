// The allocation chart in the real workbench: the numbers a bureau head reads, for each fund, are the
// core's aggregation; an edit in the grid moves them; a hostile fund name stays text; drill-down and
// unit switch work and survive updates. Screenshots in light and dark are kept as artefacts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { analyzeLedger } from '../../../src/core/ledger/validate';
import { formatAmount } from '../../../src/core/money/format';
import { HOSTILE_FUND, SAMPLE_LEDGER } from '../../unit/chart/sampleLedger';
import { openWrittenLedger } from './grid-helpers';
import {
  keepScreenshot,
  openWorkbench,
  runCommand,
  screenshotIfFailed,
  type Workbench,
} from './workbench';

const FILE = 'chart-sample.ledger.csv';
const COMMAND = 'Fund Ledger: Show Allocation vs Targets';

/** The webview document that holds `selector` (grid and chart are both webviews; pick by content). */
async function frameWith(page: Page, selector: string, timeoutMs = Infinity): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const f of page.frames()) {
      const n = await f
        .locator(selector)
        .count()
        .catch(() => 0);
      if (n > 0) return f;
    }
    if (Date.now() > deadline) throw new Error(`no frame shows ${selector}`);
    await page.waitForTimeout(200);
  }
}

/**
 * The chart's frame once it shows `selector`. A webview restored in a group that is not the active one
 * sometimes stays blank in code-server 1.100.3 until its tab is clicked, as a user would: after 30 s
 * without it, click the tab and look again. A chart that does not restore its state still fails.
 */
async function chartShowing(page: Page, selector: string): Promise<Frame> {
  for (let attempt = 1; ; attempt++) {
    const found = await frameWith(page, selector, 30_000).catch(() => undefined);
    if (found) return found;
    if (attempt === 3) throw new Error(`the chart never showed ${selector}`);
    await page.locator('.tab', { hasText: 'Targets:' }).first().click();
  }
}

/** Opens the sample ledger in the grid, then the chart beside it. */
async function openChart(wb: Workbench): Promise<{ chart: Frame; grid: Frame }> {
  fs.writeFileSync(path.join(wb.workspace, FILE), SAMPLE_LEDGER);
  await openWrittenLedger(wb.page, FILE);
  const grid = await frameWith(wb.page, '[role=gridcell]');
  await runCommand(wb.page, COMMAND);
  const chart = await frameWith(wb.page, 'svg.chart text[data-key$="/summary"]');
  return { chart, grid };
}

/** Rows of the accessible table as { fund → cells }, for target rows only. */
async function tableRows(chart: Frame): Promise<Map<string, string[]>> {
  const rows = await chart
    .locator('table.numbers tbody tr.level0')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')));
  return new Map(rows.map((cells) => [cells[0] ?? '', cells]));
}

async function summaryOf(chart: Frame, fund: string): Promise<string> {
  const texts = await chart.locator('svg.chart text').evaluateAll((els) =>
    els.map((e) => ({
      key: e.getAttribute('data-key') ?? '',
      text: e.childNodes[0]?.textContent ?? '',
    })),
  );
  const found = texts.find((x) => x.key.includes(`␟${fund}␟`) && x.key.endsWith('/summary'));
  return found?.text ?? '';
}

describe('browser: allocation vs targets chart', () => {
  let wb: Workbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('shows every fund with the core’s numbers; a hostile name stays text (light screenshot)', async () => {
    wb = await openWorkbench({ colorScheme: 'light' });
    const { chart } = await openChart(wb);
    const { targets } = analyzeLedger(FILE, SAMPLE_LEDGER, { pace: true });
    let rows = await tableRows(chart);
    while (rows.size < targets.length) rows = await tableRows(chart);
    for (const p of targets) {
      const cells = rows.get(p.fund);
      assert.ok(cells, `a table row for ${p.fund}`);
      // Columns: Fund, Category, Breakdown, Measure, Period, Target, Actual, Share, Remaining, Unit, Status…
      assert.equal(cells[6], formatAmount(p.actual, p.unit), `${p.fund} actual`);
      assert.equal(cells[9], p.unit, `${p.fund} unit`);
      if (p.target) {
        const min = formatAmount(p.target.min, p.unit);
        const max = formatAmount(p.target.max, p.unit);
        assert.equal(cells[5], min === max ? min : `${min}–${max}`, `${p.fund} target`);
        assert.equal(cells[8], formatAmount(p.remaining, p.unit), `${p.fund} remaining`);
      }
      const summary = await summaryOf(chart, p.fund);
      assert.ok(summary.includes(formatAmount(p.actual, p.unit)), `${p.fund} chart: ${summary}`);
    }
    // The payload is a fund name: shown as text in the label and the tooltip, never parsed as markup.
    const names = await chart.locator('svg.chart text.fund-name').allTextContents();
    assert.ok(names.some((n) => n.startsWith(HOSTILE_FUND.slice(0, 10))));
    assert.equal(await chart.locator('img').count(), 0);
    assert.equal(
      (await chart.locator('svg.chart title', { hasText: HOSTILE_FUND }).count()) > 0,
      true,
    );
    assert.equal(await chart.locator('th', { hasText: HOSTILE_FUND }).count(), 1);
    // The artefact: the chart alone, as wide as a bureau head would open it.
    const width = async (): Promise<number> =>
      Number(await chart.locator('svg.chart').getAttribute('width'));
    const narrow = await width();
    // Middle-click closes the grid's tab; the chart's group then takes the whole window.
    const gridTab = wb.page.locator(`.tab[aria-label^="${FILE}"]`);
    await gridTab.click({ button: 'middle' });
    await gridTab.waitFor({ state: 'detached' });
    await runCommand(wb.page, 'View: Toggle Primary Side Bar Visibility');
    while ((await width()) <= narrow) await wb.page.waitForTimeout(100);
    await keepScreenshot(wb.page, 'chart-light');
  });

  it('drills down, switches unit, and follows a grid edit without losing the drill-down (dark screenshot)', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const { chart, grid } = await openChart(wb);
    await chart.locator('select.drill').selectOption('category');
    await chart.locator('svg.chart text.part-label', { hasText: '学生资助' }).waitFor();
    assert.deepEqual(
      await chart.locator('table.numbers tr.level1 td:nth-child(3)').allTextContents(),
      ['学校建设', '条件改善', '学生资助', '教研', '奖励'],
    );

    await chart.getByRole('button', { name: '元', exact: true }).click();
    const paired = '对口帮扶援助资金';
    while (!(await summaryOf(chart, paired)).endsWith(' 元')) await wb.page.waitForTimeout(100);
    assert.equal(
      await summaryOf(chart, paired),
      'Allocated 3,672,000.00 · Target 4,320,000.00 · Remaining 648,000.00 元',
    );

    // In the grid: row 4 (A3, 学生资助), column 6 (金额(万元)) 47.20 → 112.00, not saved.
    // The chart's elements are patched in place, not rebuilt: the same bar element survives the update.
    const bar = await chart
      .locator('svg.chart rect.actual')
      .first()
      .evaluateHandle((e) => e);
    const target = grid.locator('[role=gridcell][data-row="4"][data-col="6"]');
    await target.click();
    await wb.page.keyboard.type('112.00');
    await grid.locator('input.cell-editor').press('Enter');
    while (!(await summaryOf(chart, paired)).startsWith('Allocated 4,320,000.00'))
      await wb.page.waitForTimeout(100);
    const rows = await tableRows(chart);
    // Columns in one unit: …, Remaining, Status (no Unit column).
    assert.equal(rows.get(paired)?.[9], '✓ Within target');
    assert.equal(await chart.locator('select.drill').inputValue(), 'category');
    assert.equal(
      await bar.evaluate((e) => e.isConnected && e.getAttribute('class')),
      'actual status-within hit',
    );
    assert.equal(
      await chart.locator('svg.chart text.part-value', { hasText: '1,120,000.00' }).count(),
      1,
    );
    // Back to the ledger's own units, beside the grid, for the artefact.
    await runCommand(wb.page, 'View: Toggle Primary Side Bar Visibility');
    await chart.locator('button.unit').first().click();
    while (!(await summaryOf(chart, paired)).endsWith(' 万元')) await wb.page.waitForTimeout(100);
    await keepScreenshot(wb.page, 'chart-dark');

    // A table row's button opens the grid on the rows it counts: the first of them, A1, is selected.
    const row = chart.locator('table.numbers tr.level0', { hasText: paired });
    await row.getByRole('button').click();
    const formulaBar = grid.locator('input.formula-bar');
    while ((await formulaBar.inputValue()) !== 'A1') await wb.page.waitForTimeout(100);
  });

  it('exports SVG, PNG and CSV through the save dialog, and keeps its drill-down when hidden, shown and reloaded', async function () {
    // Three saves, a hide/show and a reload on a shared 2-core machine: more than the default budget.
    this.timeout(300_000);
    wb = await openWorkbench({ colorScheme: 'dark' });
    const page = wb.page;
    const { chart } = await openChart(wb);
    await chart.locator('select.drill').selectOption('quarter');
    await chart.locator('svg.chart text.part-label', { hasText: '2023Q2' }).first().waitFor();

    const saveAs = async (button: string, name: string): Promise<Buffer> => {
      const file = path.join(wb?.workspace ?? '', name);
      await chart.getByRole('button', { name: button, exact: true }).click();
      // VS Code's own save dialog (a quick input in the browser): type the path, Enter.
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      // The dialog fills in its suggested name a moment after it opens; replace it only after that.
      while (!(await input.inputValue()).includes('allocation-vs-targets'))
        await page.waitForTimeout(100);
      await input.fill(file);
      while ((await input.inputValue()) !== file) await page.waitForTimeout(100);
      await page.keyboard.press('Enter');
      while (!fs.existsSync(file) || fs.statSync(file).size === 0) await page.waitForTimeout(100);
      return fs.readFileSync(file);
    };

    const svg = (await saveAs('SVG', 'chart.svg')).toString('utf8');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(
      svg.includes('&lt;img src=x onerror=alert(1)&gt;'),
      'the hostile name is escaped text',
    );
    assert.ok(!/<img/i.test(svg), 'no markup from fund names');
    assert.ok(!svg.includes('var(--vscode'), 'colours are resolved, not theme variables');
    assert.ok(svg.includes('432.00'));

    const png = await saveAs('PNG', 'chart.png');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.readUInt32BE(16) >= 960, `PNG is drawn at 2x (width ${png.readUInt32BE(16)})`);

    const csv = await saveAs('CSV', 'chart.csv');
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').split('\r\n');
    assert.equal(
      lines[0],
      'Fund,Category,Breakdown,Measure,Period,Target,Actual,Share of target,Remaining,Unit,Status,Pace',
    );
    assert.ok(lines.some((l) => l.startsWith('对口帮扶援助资金,,2023Q3,Allocated,2023,,47.20,')));

    // Hide the panel behind another editor in its group (its webview is destroyed: no
    // retainContextWhenHidden), then show it again: the drill-down comes back from getState.
    const tab = page.locator('.tab', { hasText: 'Targets:' });
    await tab.click();
    await page
      .locator('.explorer-folders-view .monaco-list-row[aria-label^="county-2025.ledger.csv"]')
      .dblclick();
    while (
      (await chart
        .locator('svg.chart')
        .count()
        .catch(() => 0)) > 0
    )
      await page.waitForTimeout(100);
    await tab.click();
    const again = await chartShowing(page, 'svg.chart text.part-label');
    assert.equal(await again.locator('select.drill').inputValue(), 'quarter');
    await again.locator('svg.chart text.part-label', { hasText: '2023Q2' }).first().waitFor();

    // Reload the window: the serializer brings the panel back on the same ledger and drill-down.
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const restored = await chartShowing(page, 'svg.chart text.part-label');
    assert.equal(await restored.locator('select.drill').inputValue(), 'quarter');
    await restored.locator('svg.chart text.part-label', { hasText: '2023Q2' }).first().waitFor();
  });
});
