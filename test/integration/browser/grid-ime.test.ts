// Chinese input (issue #4): a pinyin composition typed into a selected grid cell, driven through
// Chromium's own IME entry points (CDP Input.imeSetComposition / Input.insertText, which reach the focused
// frame, here the webview's nested iframe). The keys an IME sends while composing (keyCode 229 "Process",
// arrows and Enter to pick and confirm a candidate) must not act as grid keys, no Latin letter may reach
// the document, and the committed characters must land in the cell exactly once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { openWrittenLedger, waitForText } from './grid-helpers';
import {
  cell,
  keepScreenshot,
  openWorkbench,
  saveActiveEditor,
  screenshotIfFailed,
  waitForChange,
  type Workbench,
} from './workbench';

const sample = [
  '编号,日期,资金,类别,类型,摘要,金额(万元),备注',
  'T1,2025-01-01,义务教育经费,公用经费,目标,全年公用经费目标,1200.00,',
  'E1,2025-02-15,义务教育经费,公用经费,拨付,第一批拨付,300.00,"含城区、乡镇学校"',
  'E2,2025-03-10,义务教育经费,公用经费,支出,教学设备采购,120.50,',
  '',
].join('\n');

/** A key as an IME reports it while it owns the keyboard: keyCode 229, key "Process" unless given. */
async function imeKey(cdp: CDPSession, code: string, key = 'Process'): Promise<void> {
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'rawKeyDown',
    key,
    code,
    windowsVirtualKeyCode: 229,
    nativeVirtualKeyCode: 229,
  });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code });
}

describe('browser: Chinese input method in the grid', () => {
  let wb: Workbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('a pinyin composition starts editing a selected cell and commits 经费 once, with no Latin letters', async () => {
    wb = await openWorkbench();
    const name = 'ime.ledger.csv';
    const file = path.join(wb.workspace, name);
    fs.writeFileSync(file, sample);
    const page = wb.page;
    const grid = await openWrittenLedger(page, name);
    const before = fs.readFileSync(file);
    const dirty = page.locator('.editor-group-container.active .tab.active.dirty');
    const editor = grid.locator('input.cell-editor');
    const formulaBar = grid.locator('input.formula-bar');

    // Select 摘要 of E1 (row 2, column 5) by clicking the row above and moving down: the invisible
    // cell editor follows the selection, so the composition starts in the right cell.
    await cell(grid, 1, 5).click();
    await page.keyboard.press('ArrowDown');
    await waitForText(grid.locator('.cell-name'), 'F3');

    const cdp = await page.context().newCDPSession(page);
    try {
      // Typing "jingfei": each letter is a 229 key, then the IME updates its composition text.
      const letters = 'jingfei';
      for (let i = 1; i <= letters.length; i++) {
        await imeKey(cdp, `Key${letters[i - 1]?.toUpperCase() ?? ''}`);
        await cdp.send('Input.imeSetComposition', {
          text: letters.slice(0, i),
          selectionStart: i,
          selectionEnd: i,
        });
      }
      // Browsing the candidate list with the arrows while composing; the IME shows 经费 as the choice.
      await imeKey(cdp, 'ArrowDown', 'ArrowDown');
      await imeKey(cdp, 'ArrowRight', 'ArrowRight');
      await cdp.send('Input.imeSetComposition', {
        text: '经费',
        selectionStart: 2,
        selectionEnd: 2,
      });
      assert.equal(await editor.inputValue(), '经费');
      assert.ok(
        await editor.evaluate((el) => el.classList.contains('editing')),
        'the composition opened the cell editor',
      );
      // Nothing has reached the document yet, and the arrows did not move the selection.
      assert.equal(await dirty.count(), 0, 'a composition in progress does not edit the document');
      assert.equal(await grid.locator('.cell-name').textContent(), 'F3');
      assert.equal(await cell(grid, 2, 5).textContent(), '第一批拨付');
      await keepScreenshot(page, 'grid-ime-composing');

      // Enter confirms the candidate: as a 229 key while composing (the IME consumes it), then the commit.
      await imeKey(cdp, 'Enter', 'Enter');
      assert.equal(await dirty.count(), 0, 'the IME’s Enter does not commit the cell edit');
      await cdp.send('Input.insertText', { text: '经费' });
    } finally {
      await cdp.detach();
    }
    assert.equal(await editor.inputValue(), '经费', 'committed once, no pinyin left in the cell');
    assert.equal(await formulaBar.inputValue(), '经费');

    // Now a plain Enter (no composition) commits the cell and moves down, as for any typing.
    await editor.press('Enter');
    await waitForText(cell(grid, 2, 5), '经费');
    await waitForText(grid.locator('.cell-name'), 'F4');
    await saveActiveEditor(page);
    const after = await waitForChange(file, before);
    assert.equal(after.toString('utf8'), sample.replace(',第一批拨付,', ',经费,'));
  });
});
