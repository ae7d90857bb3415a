// The grid as a finance user sees it: recalculated totals, error markers with their message,
// copy/paste of a block, a sort that is only a view, hostile text shown as text; screenshots kept.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { openWrittenLedger, waitForText, waitUntil } from './grid-helpers';
import {
  cell,
  keepScreenshot,
  openWorkbench,
  screenshotIfFailed,
  waitForChange,
  type Workbench,
} from './workbench';

const NAME = 'grid-demo.ledger.csv';
const HOSTILE = '<img src=x onerror=alert(1)>';
const DEMO =
  '编号,日期,资金,类别,类型,摘要,金额(元),备注\n' +
  'T1,2025-01-01,义务教育经费,公用经费,目标,全年目标,1500000.00,\n' +
  'E1,2025-02-15,义务教育经费,公用经费,拨付,第一批,300000.00,\n' +
  'E2,2025-03-10,义务教育经费,公用经费,拨付,第二批,120000.50,\n' +
  `E3,2025-04-02,学生资助资金,营养餐,支出,${HOSTILE},86.25,"含,逗号"\n` +
  'E4,2025-04-03,学生资助资金,营养餐,支出,错误示例,=1/0,\n' +
  'S1,,义务教育经费,,合计,拨付合计,=SUM(G3:G4),\n';
const AMOUNT = 6;

async function openDemo(wb: Workbench): Promise<FrameLocator> {
  fs.writeFileSync(path.join(wb.workspace, NAME), DEMO);
  return openWrittenLedger(wb.page, NAME);
}

function demoFile(wb: Workbench): string {
  return path.join(wb.workspace, NAME);
}

async function isDirty(page: Page): Promise<boolean> {
  const tab = page.locator('.tabs-container .tab.active');
  return /\bdirty\b/.test((await tab.getAttribute('class')) ?? '');
}

describe('browser: the ledger grid', () => {
  let wb: Workbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('recalculates the total when an amount is typed, and saves only that cell', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const grid = await openDemo(wb);
    await waitForText(cell(grid, 6, AMOUNT), '420,000.50');
    await cell(grid, 3, AMOUNT).click();
    await wb.page.keyboard.type('200000');
    await wb.page.keyboard.press('Enter');
    await waitForText(cell(grid, 6, AMOUNT), '500,000.00');
    assert.equal(await cell(grid, 3, AMOUNT).textContent(), '200,000.00');
    await wb.page.keyboard.press('Control+S');
    const after = await waitForChange(demoFile(wb), Buffer.from(DEMO));
    assert.equal(after.toString('utf8'), DEMO.replace('120000.50', '200000'));
  });

  it('shows a formula error in the cell with its message on hover', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const grid = await openDemo(wb);
    const bad = cell(grid, 5, AMOUNT);
    await waitForText(bad, '#DIV/0!');
    assert.match((await bad.getAttribute('class')) ?? '', /\berror\b/);
    assert.match((await bad.getAttribute('title')) ?? '', /#DIV\/0!/);
    // The formula bar shows what is in the file.
    await bad.click();
    assert.equal(await grid.locator('input.formula-bar').inputValue(), '=1/0');
  });

  it('shows hostile cell text as text', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const dialogs: string[] = [];
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const grid = await openDemo(wb);
    await waitForText(cell(grid, 4, 5), HOSTILE);
    assert.equal(await grid.locator('img').count(), 0);
    assert.deepEqual(dialogs, []);
  });

  it('sorts as a view without touching the file', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const grid = await openDemo(wb);
    await cell(grid, 1, AMOUNT).click();
    await grid.locator('button[aria-label^="Sort view descending"]').click();
    // Descending, as in Excel: the error (file row 5, shown as 6) first, then the amounts from
    // the largest: the target (2), the total (7), E1 (3), E2 (4).
    const shownOrder = (): Promise<(string | null | undefined)[]> =>
      grid.locator('.body .row').evaluateAll((rows) =>
        rows
          .map((r) => ({
            y: new DOMMatrix(getComputedStyle(r).transform).m42,
            n: r.querySelector('.rownum')?.textContent,
          }))
          .sort((a, b) => a.y - b.y)
          .map((r) => r.n),
      );
    // The view is drawn on the next frame: wait for its first row to change, then check them all.
    await waitUntil(async () => (await shownOrder())[0], '6');
    assert.deepEqual((await shownOrder()).slice(0, 5), ['6', '2', '7', '3', '4']);
    assert.equal(await isDirty(wb.page), false);
    assert.equal(fs.readFileSync(demoFile(wb), 'utf8'), DEMO);
  });

  it('copies a block as TSV and pastes it elsewhere as one edit', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const grid = await openDemo(wb);
    const page = wb.page;
    // 摘要 and 金额 of E1..E2 (rows 2-3, columns 5-6) → 备注 (column 7) of T1..E1.
    await cell(grid, 2, 5).click();
    await cell(grid, 3, 6).click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+C');
    await cell(grid, 1, 7).click();
    await page.keyboard.press('Control+V');
    await waitForText(cell(grid, 1, 7), '第一批');
    await waitForText(cell(grid, 2, 7), '第二批');
    // The pasted block reached past the last column: column 8 holds the amounts, as typed.
    await waitForText(cell(grid, 1, 8), '300000.00');
    await waitUntil(() => isDirty(page), true);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`looks right in the ${scheme} theme (screenshot kept)`, async () => {
      wb = await openWorkbench({ colorScheme: scheme });
      const grid = await openDemo(wb);
      await waitForText(cell(grid, 5, AMOUNT), '#DIV/0!');
      await cell(grid, 3, AMOUNT).click();
      await cell(grid, 4, AMOUNT).click({ modifiers: ['Shift'] });
      await keepScreenshot(wb.page, `grid-view-${scheme}`);
    });
  }
});
