// A user's path through the real workbench: open the ledger from the Explorer, click a cell, type, Enter,
// Ctrl+S, and the file on disk changes in that cell only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  cell,
  keepScreenshot,
  openLedger,
  openWorkbench,
  saveActiveEditor,
  screenshotIfFailed,
  waitForChange,
  type Workbench,
} from './workbench';

const ledger = 'county-2025.ledger.csv';

describe('browser: typing into the ledger grid', () => {
  let wb: Workbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('types into a cell, saves with Ctrl+S, and only that cell changes on disk', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    const file = path.join(wb.workspace, ledger);
    const before = fs.readFileSync(file);
    const grid = await openLedger(wb.page, ledger);

    // Row 4 (E3), column 6 (金额): 86.25 becomes 91.30.
    const target = cell(grid, 4, 6);
    await target.click();
    await wb.page.keyboard.type('91.30');
    await grid.locator('input.cell-editor').press('Enter');
    await target.filter({ hasText: '91.30' }).waitFor();
    await saveActiveEditor(wb.page);

    const after = await waitForChange(file, before);
    const expected = before.toString('utf8').replace('春季营养餐,86.25,', '春季营养餐,91.30,');
    assert.equal(after.toString('utf8'), expected);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the sample ledger in the ${colorScheme} theme (screenshot kept)`, async () => {
      wb = await openWorkbench({ colorScheme });
      const grid = await openLedger(wb.page, ledger);
      await cell(grid, 2, 5).filter({ hasText: '第一批拨付' }).waitFor();
      await keepScreenshot(wb.page, `grid-${colorScheme}`);
    });
  }
});
