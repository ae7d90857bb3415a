// Small waits for the grid's browser tests. No timed assertions: each wait polls until the condition
// holds and is bounded only by the test's own timeout.
import type { FrameLocator, Locator } from 'playwright-core';
import { cell } from './workbench';

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
