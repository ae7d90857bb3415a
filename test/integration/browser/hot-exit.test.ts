// Hot exit (#7 Faults): an unsaved grid edit survives a window reload through VS Code's backup, with the
// extension installed from the packaged .vsix as users have it (VS Code keeps no backups for an extension
// under development). The file on disk keeps its bytes until the user saves; then only that cell changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitForText, waitUntil } from './grid-helpers';
import { startSeparateWorkbench, type SeparateWorkbench } from './separate-workbench';
import {
  cell,
  gridFrame,
  keepScreenshot,
  openLedger,
  runCommand,
  saveActiveEditor,
  screenshotIfFailed,
  waitForChange,
} from './workbench';

const ledger = 'county-2025.ledger.csv';
// Row 3 (E2) has an empty 备注 (column 7), the last field of its line.
const ROW = 3;
const NOTE = 7;
const typed = '待补发票';

describe('browser: hot exit with the packaged extension', () => {
  let wb: SeparateWorkbench | undefined;

  afterEach(async function () {
    await screenshotIfFailed(this, wb?.page);
    await wb?.close();
    wb = undefined;
  });

  it('restores an unsaved grid edit after a window reload, then saves only that cell', async function () {
    this.timeout(240_000);
    const fixture = path.join(process.env['FUND_LEDGER_REPO'] ?? '', 'test/fixtures/workspace');
    const original = fs.readFileSync(path.join(fixture, ledger));
    // The web workbench saves after a delay by default (desktop VS Code does not); with that, nothing would
    // be left unsaved to restore.
    wb = await startSeparateWorkbench({
      files: { [ledger]: original },
      settings: { 'files.autoSave': 'off' },
    });
    const { page } = wb;
    const file = path.join(wb.workspace, ledger);
    const dirtyTab = page.locator('.editor-group-container.active .tab.active.dirty');

    let grid = await openLedger(page, ledger);
    await cell(grid, ROW, NOTE).click();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await waitForText(cell(grid, ROW, NOTE), typed);
    await dirtyTab.waitFor();
    assert.ok(fs.readFileSync(file).equals(original), 'an unsaved edit reached the disk');

    // VS Code refuses to unload a window whose edits have no backup yet (it would ask the user); the
    // backup is written shortly after the edit, so wait until it is there, as it would be for a user.
    await waitUntil(() => hasBackupWith(wb?.userDataDir ?? '', typed), true);
    await keepScreenshot(page, 'hot-exit-before-reload');
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    grid = gridFrame(page);
    await waitForText(cell(grid, ROW, NOTE), typed);
    await dirtyTab.waitFor();
    const tabLabel = await page.locator('.editor-group-container.active .tab.active').textContent();
    assert.match(tabLabel ?? '', /county-2025\.ledger\.csv/);
    assert.ok(fs.readFileSync(file).equals(original), 'the reload wrote the backup to disk');
    await keepScreenshot(page, 'hot-exit-after-reload');

    await cell(grid, ROW, NOTE).click();
    await saveActiveEditor(page);
    const saved = await waitForChange(file, original);
    const text = original.toString('utf8');
    const lines = text.split('\n');
    // The fixture's E2 line ends with the empty 备注; the edit fills exactly that field.
    assert.match(lines[ROW] ?? '', /,$/);
    lines[ROW] = `${lines[ROW] ?? ''}${typed}`;
    assert.equal(saved.toString('utf8'), lines.join('\n'));
  });
});

/** Whether VS Code has backed up an unsaved file holding `text` (code-server keeps backups on the server). */
function hasBackupWith(userDataDir: string, text: string): boolean {
  const dir = path.join(userDataDir, 'User', 'Backups');
  if (!fs.existsSync(dir)) return false;
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .some(
      (entry) =>
        entry.isFile() &&
        fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8').includes(text),
    );
}
