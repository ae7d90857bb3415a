// Undo and redo in the grid are VS Code's own, on the document: one Ctrl+Z undoes exactly one edit,
// and Ctrl+Z while typing in a cell only undoes the typing.
import * as assert from 'node:assert/strict';
import { waitForText } from './grid-helpers';
import { cell, openLedger, openWorkbench, screenshotIfFailed, type Workbench } from './workbench';

const ledger = 'county-2025.ledger.csv';
// Rows 3 and 4 (E2, E3) have an empty 备注 (column 7) in the fixture.
const NOTE = 7;

describe('browser: grid undo and redo', () => {
  let wb: Workbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('Ctrl+Z undoes exactly the last edit, Ctrl+Shift+Z redoes it', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const grid = await openLedger(wb.page, ledger);
    const page = wb.page;
    await cell(grid, 3, NOTE).click();
    await page.keyboard.type('first');
    await page.keyboard.press('Enter');
    await waitForText(cell(grid, 3, NOTE), 'first');
    await page.keyboard.type('second');
    await page.keyboard.press('Enter');
    await waitForText(cell(grid, 4, NOTE), 'second');

    await page.keyboard.press('Control+Z');
    await waitForText(cell(grid, 4, NOTE), '');
    assert.equal(await cell(grid, 3, NOTE).textContent(), 'first');
    await page.keyboard.press('Control+Shift+Z');
    await waitForText(cell(grid, 4, NOTE), 'second');
    assert.equal(await cell(grid, 3, NOTE).textContent(), 'first');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await waitForText(cell(grid, 3, NOTE), '');
    assert.equal(await cell(grid, 4, NOTE).textContent(), '');
  });

  it('Ctrl+Z while typing in a cell undoes the typing, not the document', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const grid = await openLedger(wb.page, ledger);
    const page = wb.page;
    await cell(grid, 3, NOTE).click();
    await page.keyboard.type('kept');
    await page.keyboard.press('Enter');
    await waitForText(cell(grid, 3, NOTE), 'kept');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('F2');
    await page.keyboard.type('xyz');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Escape');
    assert.equal(await cell(grid, 3, NOTE).textContent(), 'kept');
    const tab = page.locator('.tabs-container .tab.active');
    assert.match((await tab.getAttribute('class')) ?? '', /dirty/);
  });
});
