// Faults while the grid has unsaved edits (issue #7): the file changes on disk, and the file cannot be
// written. Both are VS Code's own flows (the grid's model is the TextDocument); these tests prove the grid
// does not get in their way and that neither the user's edit nor the file on disk is lost.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openWrittenLedger, waitForText } from './grid-helpers';
import {
  cell,
  keepScreenshot,
  openWorkbench,
  screenshotIfFailed,
  waitForChange,
  type Workbench,
} from './workbench';

const sample = [
  '编号,日期,资金,类别,类型,摘要,金额(万元),备注',
  'T1,2025-01-01,义务教育经费,公用经费,目标,全年公用经费目标,1200.00,',
  'E1,2025-02-15,义务教育经费,公用经费,拨付,第一批拨付,300.00,"含城区、乡镇学校"',
  'E2,2025-03-10,义务教育经费,公用经费,支出,教学设备采购,120.50,',
  'E3,2025-04-02,学生资助资金,营养餐,支出,春季营养餐,86.25,',
  '',
].join('\r\n');

/** The notification toast whose message contains `text`, once it has finished fading in (for screenshots). */
function toast(page: Page, text: string) {
  return page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', {
    hasText: text,
  });
}

function dirtyTab(page: Page) {
  return page.locator('.editor-group-container.active .tab.active.dirty');
}

describe('browser: faults while the grid has unsaved edits', () => {
  let wb: Workbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('a change on disk while dirty: Ctrl+S shows the conflict, nothing is lost, Overwrite keeps the user’s version', async () => {
    wb = await openWorkbench();
    const name = 'fault-conflict.ledger.csv';
    const file = path.join(wb.workspace, name);
    fs.writeFileSync(file, sample);
    const page = wb.page;
    const grid = await openWrittenLedger(page, name);

    // The user's edit: E3's amount (row 4, column 6) 86.25 → 91.30, not saved.
    await cell(grid, 4, 6).click();
    await page.keyboard.type('91.30');
    await grid.locator('input.cell-editor').press('Enter');
    await waitForText(cell(grid, 4, 6), '91.30');
    await dirtyTab(page).waitFor();

    // Someone else (git, a colleague's sync) changes another cell on disk. A different length, so VS Code's
    // etag (mtime and size) differs even within one clock tick. (The harness turns auto-save off: a save
    // before this write would leave no conflict.)
    const external = sample.replace('教学设备采购,120.50,', '教学设备采购,1120.50,');
    fs.writeFileSync(file, external);

    await page.keyboard.press('Control+S');
    const conflict = toast(page, 'newer');
    await conflict.waitFor();
    const message = (await conflict.textContent()) ?? '';
    assert.match(message, /fault-conflict\.ledger\.csv/);
    const compare = conflict.getByRole('button', { name: 'Compare' });
    const overwrite = conflict.getByRole('button', { name: 'Overwrite' });
    assert.ok(await compare.isVisible(), 'the conflict notification offers Compare');
    assert.ok(await overwrite.isVisible(), 'the conflict notification offers Overwrite');
    await keepScreenshot(page, 'fault-save-conflict');

    // Neither version is lost: the disk keeps the external change, the editor keeps the user's edit (and
    // does not show the external change, which it would only after a revert).
    assert.equal(fs.readFileSync(file, 'utf8'), external);
    assert.ok(await dirtyTab(page).isVisible(), 'the editor is still dirty');
    assert.equal(await cell(grid, 4, 6).textContent(), '91.30');
    assert.equal(await cell(grid, 3, 6).textContent(), '120.50');

    // Overwrite: VS Code writes the document as the user has it, i.e. the original bytes with the user's
    // one cell changed; the external change is replaced, as the user chose.
    await overwrite.click();
    const after = await waitForChange(file, Buffer.from(external, 'utf8'));
    assert.equal(after.toString('utf8'), sample.replace('春季营养餐,86.25,', '春季营养餐,91.30,'));
    await dirtyTab(page).waitFor({ state: 'detached' });
    assert.equal(await cell(grid, 4, 6).textContent(), '91.30');
  });

  it('save fails on a file that cannot be written: an error, still dirty, the edit kept, the disk unchanged', async function () {
    wb = await openWorkbench();
    const name = 'fault-readonly.ledger.csv';
    const file = path.join(wb.workspace, name);
    fs.writeFileSync(file, sample);
    const lock = lockFile(file);
    if (!lock.ok) {
      console.log(`      (skipped: ${lock.reason})`);
      this.skip();
    }
    try {
      const page = wb.page;
      const grid = await openWrittenLedger(page, name);
      await cell(grid, 2, 5).click();
      await page.keyboard.type('第二批拨付');
      await grid.locator('input.cell-editor').press('Enter');
      await waitForText(cell(grid, 2, 5), '第二批拨付');
      await dirtyTab(page).waitFor();

      await page.keyboard.press('Control+S');
      const failed = toast(page, `Failed to save '${name}'`);
      await failed.waitFor();
      await keepScreenshot(page, 'fault-save-failed');
      assert.ok(await dirtyTab(page).isVisible(), 'the editor is still dirty');
      assert.equal(await cell(grid, 2, 5).textContent(), '第二批拨付');
      assert.equal(fs.readFileSync(file, 'utf8'), sample);
    } finally {
      lock.unlock();
    }
    assert.equal(fs.readFileSync(file, 'utf8'), sample);
  });
});

/**
 * Makes `file` unwritable for this process. We run as root, for whom mode bits do not stop a write, so the
 * immutable attribute (`chattr +i`) is used; without chattr, a non-root process can use chmod. Checks that a
 * write really fails before the test relies on it.
 */
function lockFile(
  file: string,
): { ok: true; unlock: () => void } | { ok: false; reason: string; unlock: () => void } {
  const isRoot = process.getuid?.() === 0;
  const chattr = spawnSync('chattr', ['+i', file], { encoding: 'utf8' });
  let unlock = (): void => undefined;
  let how: string;
  if (chattr.status === 0) {
    unlock = () => void spawnSync('chattr', ['-i', file]);
    how = 'chattr +i';
  } else if (!isRoot) {
    fs.chmodSync(file, 0o444);
    unlock = () => fs.chmodSync(file, 0o644);
    how = 'chmod 444';
  } else {
    const why = chattr.error ? chattr.error.message : chattr.stderr.trim();
    return {
      ok: false,
      reason: `running as root, where chmod 444 does not stop writes, and chattr +i failed (${why})`,
      unlock,
    };
  }
  try {
    fs.appendFileSync(file, '');
    fs.writeFileSync(file, fs.readFileSync(file));
  } catch {
    return { ok: true, unlock };
  }
  unlock();
  return { ok: false, reason: `${how} did not stop this process writing ${file}`, unlock };
}
