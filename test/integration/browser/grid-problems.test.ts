// A problem in a cell is listed in the Problems panel; its code links to the cell in the grid.
import { openWrittenLedger, waitUntil } from './grid-helpers';
import { openWorkbench, screenshotIfFailed, type Workbench } from './workbench';
import * as fs from 'node:fs';
import * as path from 'node:path';

const NAME = 'grid-problems.ledger.csv';
const TEXT =
  '编号,日期,资金,类别,类型,摘要,金额(元),备注\n' +
  'T1,2025-01-01,义务教育经费,公用经费,目标,全年目标,1000.00,\n' +
  'E1,2025-02-15,义务教育经费,公用经费,拨付,第一批,abc,\n';

describe('browser: grid problems', () => {
  let wb: Workbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('clicking a problem’s code in the Problems panel selects its cell', async () => {
    wb = await openWorkbench({ colorScheme: 'dark' });
    fs.writeFileSync(path.join(wb.workspace, NAME), TEXT);
    const grid = await openWrittenLedger(wb.page, NAME);
    // The cell is marked in the grid too.
    await grid.locator('[role=gridcell][data-row="2"][data-col="6"].problem-error').waitFor();
    await grid.locator('[role=gridcell][data-row="1"][data-col="0"]').click();
    await wb.page.keyboard.press('Control+Shift+M');
    const link = wb.page.locator('.markers-panel .monaco-list-row a', { hasText: 'FL-' }).first();
    await link.click();
    const active = grid.locator('.cell.active');
    await waitUntil(
      async () =>
        (await active.getAttribute('data-row')) === '2' &&
        (await active.getAttribute('data-col')) === '6',
      true,
    );
  });
});
