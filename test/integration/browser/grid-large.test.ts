// A ledger above the 50 MB VS Code hands to extensions (issue #4): opening it as a user does (Quick Open,
// the default grid for *.ledger.csv) offers the read-only grid, which shows the notice, paints rows down
// to the last one, and ignores typing. No timing is asserted: the waits are bounded by the test timeout.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { waitForText } from './grid-helpers';
import {
  cell,
  keepScreenshot,
  openWorkbench,
  screenshotIfFailed,
  waitForExtension,
  type Workbench,
} from './workbench';

const LIMIT = 50 * 1024 * 1024;

/**
 * Writes a valid ledger whose text is just above `minChars` UTF-16 code units (VS Code's limit counts the
 * text's length, not the bytes: a Chinese character is 3 bytes of UTF-8 but one unit). Returns its data-row
 * count.
 */
function writeBigLedger(file: string, minChars: number): number {
  const fd = fs.openSync(file, 'w');
  try {
    let chars = 0;
    let rows = 0;
    const put = (text: string): void => {
      fs.writeSync(fd, text);
      chars += text.length;
    };
    put('编号,日期,资金,类别,类型,摘要,金额(元),备注\n');
    put('T1,2025-01-01,义务教育经费,公用经费,目标,全年公用经费目标,999999999999.00,\n');
    rows++;
    while (chars <= minChars) {
      let chunk = '';
      for (let i = 0; i < 10_000; i++) {
        rows++;
        chunk += `E${rows},2025-03-10,义务教育经费,公用经费,拨付,No. ${rows} allocation to the rural schools,${100 + (rows % 900)}.50,town schools and teaching points\n`;
      }
      put(chunk);
    }
    return rows;
  } finally {
    fs.closeSync(fd);
  }
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The visible webview's document (the read-only grid is a panel beside the grid tab VS Code opened). */
function visibleWebview(page: Page): FrameLocator {
  return page
    .locator('iframe.webview.ready:visible')
    .last()
    .contentFrame()
    .frameLocator('#active-frame');
}

describe('browser: a ledger larger than 50 MB', () => {
  let wb: Workbench | undefined;
  let big: string | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
    if (big) fs.rmSync(big, { force: true });
    big = undefined;
  });

  it('opens read-only with the notice, paints rows to the last, and typing changes nothing', async function () {
    // Generous: 60 MB is read, decoded and scanned on a shared 2-core machine. Not a timing assertion.
    this.timeout(360_000);
    wb = await openWorkbench();
    const name = 'huge.ledger.csv';
    big = path.join(wb.workspace, name);
    const rows = writeBigLedger(big, LIMIT + 1024 * 1024);
    const size = fs.statSync(big).size;
    assert.ok(size > LIMIT, `the generated file is ${size} bytes`);
    const hash = sha256(big);
    const page = wb.page;
    await waitForExtension(page);

    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill(name);
    await page
      .locator(`.quick-input-widget .monaco-list-row[aria-label*="${name}"]`)
      .first()
      .waitFor();
    await page.keyboard.press('Enter');

    const offer = page.locator('.notifications-toasts .notification-toast', {
      hasText: 'is larger than 50 MB',
    });
    await offer.waitFor({ timeout: 90_000 });
    await keepScreenshot(page, 'grid-large-offer');
    await offer.getByRole('button', { name: 'Open read-only' }).click();

    // The read-only grid takes the place of the grid tab, which could only show VS Code's error.
    await page.locator('.tab', { hasText: `${name} (read-only)` }).waitFor();
    await page
      .locator('.tab', { hasText: name })
      .filter({ hasNotText: '(read-only)' })
      .waitFor({ state: 'detached' });
    const grid = visibleWebview(page);
    const notice = grid.locator('.notice');
    await notice.filter({ hasText: 'larger than the 50 MB' }).waitFor({ timeout: 180_000 });
    await waitForText(cell(grid, 1, 0), 'T1');
    await waitForText(cell(grid, 2, 5), 'No. 2 allocation to the rural schools');
    assert.ok(await grid.locator('body.read-only').count(), 'the grid is marked read-only');

    // Typing into a cell, Delete, and a paste-like commit: nothing edits (the grid is read-only).
    await cell(grid, 2, 5).click();
    await page.keyboard.type('改动');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await waitForText(cell(grid, 2, 5), 'No. 2 allocation to the rural schools');
    assert.equal(
      await grid.locator('input.cell-editor.editing').count(),
      0,
      'no cell editor opened',
    );

    // The whole file is there: Ctrl+End reaches its last row.
    await cell(grid, 3, 0).click();
    await page.keyboard.press('Control+End');
    await waitForText(cell(grid, rows, 0), `E${rows}`);
    await keepScreenshot(page, 'grid-large-read-only');

    assert.equal(await page.locator('.tab.dirty').count(), 0, 'no editor is dirty');
    assert.equal(sha256(big), hash, 'the file is unchanged');
  });
});
