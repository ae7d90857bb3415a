// The grid, a text editor and a second grid on one document stay in step both ways; a grid hidden
// and shown again (no retainContextWhenHidden) comes back with its selection.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { waitForText } from './grid-helpers';
import {
  cell,
  openLedger,
  openWorkbench,
  runCommand,
  screenshotIfFailed,
  type Workbench,
} from './workbench';

const ledger = 'county-2025.ledger.csv';
// 类别: visible in a grid half the window wide.
const CAT = 3;

/** The grid inside the n-th visible webview (left to right). */
function nthGrid(page: Page, n: number): FrameLocator {
  return page.frameLocator('iframe.webview.ready').nth(n).frameLocator('#active-frame');
}

describe('browser: grid sync and state', () => {
  let wb: Workbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('a text editor and a second grid follow the grid, and the grid follows them', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const page = wb.page;
    await openLedger(page, ledger);
    await runCommand(page, 'View: Split Editor Right');
    await page
      .frameLocator('iframe.webview.ready')
      .nth(1)
      .frameLocator('#active-frame')
      .locator('[role=gridcell]')
      .first()
      .waitFor();
    const left = nthGrid(page, 0);
    const right = nthGrid(page, 1);

    // Grid → second grid.
    await cell(left, 3, CAT).click();
    await page.keyboard.type('从左边');
    await page.keyboard.press('Enter');
    await waitForText(cell(right, 3, CAT), '从左边');

    // Second grid → first grid.
    await cell(right, 4, CAT).click();
    await page.keyboard.type('从右边');
    await page.keyboard.press('Enter');
    await waitForText(cell(left, 4, CAT), '从右边');

    // The right one becomes a text editor; typing there reaches the grid.
    await runCommand(page, 'View: Reopen Editor with Text Editor');
    const text = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await text.waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('E9,2025-05-01,义务教育经费,公用经费,支出,文本编辑器,1.00,来自文本');
    await waitForText(cell(nthGrid(page, 0), 5, 0), 'E9');
    // And the grid's next edit lands on the line the text editor added.
    await cell(nthGrid(page, 0), 5, 1).click();
    await page.keyboard.type('2025-05-02');
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: 'E9,2025-05-02,义务教育经费' }).waitFor();
  });

  it('comes back with its selection after the tab was hidden', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const page = wb.page;
    const grid = await openLedger(page, ledger);
    await cell(grid, 3, 5).click();
    await cell(grid, 4, 6).click({ modifiers: ['Shift'] });
    // Give the debounced setState its moment by waiting until the status bar shows the count.
    await page.locator('.statusbar-item', { hasText: 'Count: 4' }).waitFor();
    // Another editor in the same group hides the grid (its webview is destroyed), then it comes back.
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.editor-group-container.active .monaco-editor').waitFor();
    await runCommand(page, 'View: Open Previous Editor');
    const back = nthGrid(page, 0);
    await back.locator('.cell.active').first().waitFor();
    assert.equal(await back.locator('.cell.active').getAttribute('data-row'), '4');
    assert.equal(await back.locator('.cell.active').getAttribute('data-col'), '6');
    assert.equal(await back.locator('.cell.selected').count(), 4);
  });
});
