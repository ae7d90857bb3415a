// Small waits for the grid's browser tests. No timed assertions: each wait polls until the condition
// holds and is bounded only by the test's own timeout.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { cell, gridFrame, runCommand, waitForExtension } from './workbench';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the element's whole text equals `expected` (works for '' too, unlike hasText). */
export async function waitForText(target: Locator, expected: string): Promise<void> {
  for (;;) {
    if ((await target.count()) > 0 && (await target.first().textContent()) === expected) return;
    await pause(50);
  }
}

export function cellText(grid: FrameLocator, row: number, col: number): Promise<string | null> {
  return cell(grid, row, col).textContent();
}

/** Polls `read` until it returns `expected`, for values outside the DOM (files, tab state). */
export async function waitUntil<T>(read: () => Promise<T> | T, expected: T): Promise<void> {
  for (;;) {
    if ((await read()) === expected) return;
    await pause(50);
  }
}

/**
 * Opens a file the test wrote after the workbench started, with Quick Open (Ctrl+P): the Explorer may
 * not list it yet, file search finds it. Waits until the grid shows cells; reopens when the first open
 * went to the text editor (see openLedger in workbench.ts for why that happens).
 */
export async function openWrittenLedger(
  page: Page,
  fileName: string,
  timeoutMs = 60_000,
): Promise<FrameLocator> {
  await waitForExtension(page);
  const grid = gridFrame(page);
  const firstCell = grid.locator('[role=gridcell]').first();
  const textEditor = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill(fileName);
    await page
      .locator(`.quick-input-widget .monaco-list-row[aria-label*="${fileName}"]`)
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    const opened = await Promise.race([
      firstCell.waitFor({ timeout: timeoutMs }).then(() => 'grid' as const),
      textEditor.waitFor({ timeout: timeoutMs }).then(() => 'text' as const),
    ]);
    if (opened === 'grid') return grid;
    if (attempt === 3) throw new Error(`${fileName} kept opening in the text editor`);
    await runCommand(page, 'View: Close All Editors');
    await textEditor.waitFor({ state: 'detached' });
  }
}
