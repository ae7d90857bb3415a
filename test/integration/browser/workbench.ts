// Helpers for browser-level tests: a fresh workspace, a workbench page with the extension loaded, and the grid.
// The harness passes the running code-server through environment variables (see harness/main.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { launchBrowser, workbenchUrl } from '../harness/browser';
import { browserEnv } from '../harness/protocol';

export const lightTheme = 'Default Light Modern';
export const darkTheme = 'Default Dark Modern';

export interface Workbench {
  page: Page;
  /** The fresh copy of test/fixtures/workspace this workbench has open. */
  workspace: string;
  close(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run browser tests through the harness (npm run test:integration)`,
    );
  return value;
}

/** Opens the workbench on a fresh copy of the fixture workspace, with `theme` as its colour theme. */
export async function openWorkbench(options: { theme?: string } = {}): Promise<Workbench> {
  const repoRoot = env(browserEnv.repoRoot);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fund-ledger-ws-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  // A workspace setting, so two workbenches with different themes can share one code-server.
  fs.mkdirSync(path.join(workspace, '.vscode'));
  fs.writeFileSync(
    path.join(workspace, '.vscode/settings.json'),
    JSON.stringify({ 'workbench.colorTheme': options.theme ?? darkTheme }, null, 2),
  );
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const url = workbenchUrl(env(browserEnv.origin), workspace, [
    ['extensionDevelopmentPath', repoRoot],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    workspace,
    close: async () => {
      await browser.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** Opens `fileName` from the Explorer and waits until the ledger grid shows its cells. */
export async function openLedger(page: Page, fileName: string): Promise<FrameLocator> {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${fileName}"]`);
  await row.waitFor({ timeout: 60_000 });
  // The Explorer lists files before the extension host has registered the custom editor; a click that early
  // opens the text editor. So open, and if the text editor won, close it and try again.
  for (let attempt = 1; ; attempt++) {
    await row.dblclick();
    const grid = gridFrame(page);
    try {
      await grid.locator('[role=gridcell]').first().waitFor({ timeout: 15_000 });
      return grid;
    } catch (err) {
      if (attempt >= 4) throw err;
      await runCommand(page, 'View: Close All Editors');
    }
  }
}

/** The grid's document inside the visible webview (VS Code nests it in two iframes). */
export function gridFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

export function cell(grid: FrameLocator, row: number, col: number) {
  return grid.locator(`[role=gridcell][data-row="${row}"][data-col="${col}"]`);
}

/** Runs a command by its palette label. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${label}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Polls `file` until its bytes differ from `before`, then returns them (bounded by the test's own timeout). */
export async function waitForChange(file: string, before: Buffer): Promise<Buffer> {
  for (;;) {
    const now = fs.readFileSync(file);
    if (!now.equals(before)) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Saves a screenshot that is kept after every run, under .test-artifacts/screenshots/. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(env(browserEnv.repoRoot), '.test-artifacts/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** For afterEach: when the test failed, keeps a screenshot in this run's failure artefacts. */
export async function screenshotIfFailed(
  ctx: Mocha.Context,
  page: Page | undefined,
): Promise<void> {
  const test = ctx.currentTest;
  if (!page || !test || test.state !== 'failed') return;
  const dir = env(browserEnv.failureDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = test
    .fullTitle()
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 120);
  await page.screenshot({ path: path.join(dir, `${name}.png`) }).catch(() => undefined);
}
