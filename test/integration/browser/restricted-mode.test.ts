// Restricted Mode (#4): in a workspace the user has not trusted, the grid is read-only and formulas show as
// the text they are, never evaluated. Then, once the user trusts the folder, the same grid evaluates and
// edits, which shows the first half asserted something the product decides and not a broken grid.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitForText } from './grid-helpers';
import { startSeparateWorkbench, type SeparateWorkbench } from './separate-workbench';
import { cell, keepScreenshot, openLedger, runCommand, screenshotIfFailed } from './workbench';

const ledger = 'restricted.ledger.csv';
const formula = '=SUM(G3:G4)';
const content = [
  '编号,日期,资金,类别,类型,摘要,金额(万元),备注',
  'T1,2025-01-01,义务教育经费,公用经费,目标,全年公用经费目标,1200.00,',
  'E1,2025-02-15,义务教育经费,公用经费,拨付,第一批拨付,300.00,',
  'E2,2025-03-10,义务教育经费,公用经费,拨付,第二批拨付,120.50,',
  `S1,2025-03-31,义务教育经费,公用经费,小计,一季度拨付合计,${formula},`,
  '',
].join('\n');
const AMOUNT = 6;
const NOTE = 7;
const FORMULA_ROW = 4;

describe('browser: Restricted Mode', () => {
  let wb: SeparateWorkbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('shows formulas as text and refuses edits until the folder is trusted', async function () {
    this.timeout(240_000);
    wb = await startSeparateWorkbench({
      files: { [ledger]: content },
      workspaceTrust: true,
      // Saving after a delay (the web default) would hide whether an edit made the document dirty.
      settings: { 'files.autoSave': 'off' },
    });
    const { page } = wb;
    const file = path.join(wb.workspace, ledger);
    const original = fs.readFileSync(file);

    await page
      .locator('.monaco-dialog-box .monaco-button', { hasText: "No, I don't trust the authors" })
      .click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();

    const grid = await openLedger(page, ledger);
    // The first cells are painted from the `init` message that also says whether to evaluate.
    assert.equal(await cell(grid, FORMULA_ROW, AMOUNT).textContent(), formula);

    // Typing, Delete and the formula bar: none may reach the document.
    await cell(grid, 2, AMOUNT).click();
    await page.keyboard.type('999');
    assert.equal(await grid.locator('input.cell-editor.editing').count(), 0, 'an editor opened');
    await page.keyboard.press('Enter');
    await cell(grid, 3, NOTE).click();
    await page.keyboard.press('Delete');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    assert.equal(
      await grid.locator('input.formula-bar').evaluate((el) => (el as HTMLInputElement).readOnly),
      true,
    );
    // The grid reports each selection after the keys before it; once the status bar counts this one,
    // any edit those keys caused has been applied (or refused) by the extension.
    await cell(grid, 1, AMOUNT).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.locator('.statusbar-item', { hasText: 'Count: 3' }).first().waitFor();

    assert.equal(await cell(grid, 2, AMOUNT).textContent(), '300.00');
    assert.equal(await cell(grid, FORMULA_ROW, AMOUNT).textContent(), formula);
    const tab = page.locator('.editor-group-container.active .tab.active');
    assert.doesNotMatch((await tab.getAttribute('class')) ?? '', /\bdirty\b/);
    assert.ok(fs.readFileSync(file).equals(original), 'the file changed on disk');
    const notice = grid.locator('.notice');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /Restricted Mode/);
    await keepScreenshot(page, 'restricted-mode');

    // The control: trusting the folder turns the same grid into one that evaluates and edits.
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    await page
      .locator('.workspace-trust-editor .monaco-button', { hasText: 'Trust' })
      .first()
      .click();
    await page
      .locator('.statusbar-item', { hasText: 'Restricted Mode' })
      .waitFor({ state: 'detached' });
    await page.locator('.tabs-container .tab', { hasText: ledger }).click();
    await waitForText(cell(grid, FORMULA_ROW, AMOUNT), '420.50');
    await notice.waitFor({ state: 'hidden' });
    await cell(grid, 2, AMOUNT).click();
    await page.keyboard.type('350');
    await page.keyboard.press('Enter');
    await waitForText(cell(grid, FORMULA_ROW, AMOUNT), '470.50');
    await page.locator('.editor-group-container.active .tab.active.dirty').waitFor();
  });
});
