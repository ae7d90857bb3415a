// Helpers for browser-level tests: a fresh workspace, a workbench page with the extension loaded, and the grid.
// The harness passes the running code-server through environment variables (see harness/main.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { launchBrowser, workbenchUrl } from '../harness/browser';
import { browserEnv } from '../harness/protocol';

export type ColorScheme = 'light' | 'dark';

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

/**
 * Opens the workbench on a fresh copy of the fixture workspace, in VS Code's Default Light/Dark Modern theme
 * when `colorScheme` is given (otherwise the workbench's default).
 */
export async function openWorkbench(
  options: { colorScheme?: ColorScheme } = {},
): Promise<Workbench> {
  const repoRoot = env(browserEnv.repoRoot);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fund-ledger-ws-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const url = workbenchUrl(env(browserEnv.origin), workspace, [
    ['extensionDevelopmentPath', repoRoot],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  if (options.colorScheme) await pickColorTheme(page, options.colorScheme);
  return {
    page,
    workspace,
    close: async () => {
      await browser.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the workbench knows the extension's contributions: the Explorer lists files before that, and
 * opening a ledger too early gives the text editor. Polls the command palette for one of our commands.
 */
export async function waitForExtension(page: Page, timeoutMs = 120_000): Promise<void> {
  const label = firstCommandLabel(env(browserEnv.repoRoot));
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label });
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${label}`);
    const found = await row
      .first()
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    await page.keyboard.press('Escape');
    if (found) return;
    if (Date.now() > deadline) throw new Error(`"${label}" never appeared in the command palette`);
  }
}

/** "Category: Title" of the first command in package.json, with %placeholders% from package.nls.json. */
function firstCommandLabel(repoRoot: string): string {
  const read = (name: string): unknown =>
    JSON.parse(fs.readFileSync(path.join(repoRoot, name), 'utf8'));
  const manifest = read('package.json') as {
    contributes?: { commands?: { title: string; category?: string }[] };
  };
  const nls = read('package.nls.json') as Record<string, string>;
  const command = manifest.contributes?.commands?.[0];
  if (!command) throw new Error('package.json contributes no command to wait for');
  const resolve = (text: string): string =>
    text.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);
  return command.category
    ? `${resolve(command.category)}: ${resolve(command.title)}`
    : resolve(command.title);
}

/** Opens `fileName` from the Explorer and waits until the ledger grid shows its cells. */
export async function openLedger(page: Page, fileName: string): Promise<FrameLocator> {
  await waitForExtension(page);
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${fileName}"]`);
  const grid = gridFrame(page);
  const firstCell = grid.locator('[role=gridcell]').first();
  const textEditor = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  // Even once the command palette lists our commands, the workbench sometimes resolves the first open of a
  // ledger to the text editor (seen in about 1 of 5 fresh windows). A user would reopen it; so do we.
  for (let attempt = 1; ; attempt++) {
    await row.dblclick();
    // The loser of the race keeps waiting; its eventual rejection must not go unhandled.
    const seen = (locator: typeof firstCell, what: 'grid' | 'text') =>
      locator.waitFor({ timeout: 60_000 }).then(
        () => what,
        () => 'timeout' as const,
      );
    const opened = await Promise.race([seen(firstCell, 'grid'), seen(textEditor, 'text')]);
    if (opened === 'grid') return grid;
    if (opened === 'timeout')
      throw new Error(`${fileName} opened in neither the grid nor a text editor`);
    if (attempt === 3)
      throw new Error(`${fileName} kept opening in the text editor, not the ledger grid`);
    console.log(`      (${fileName} opened as text; closing and opening it again)`);
    await runCommand(page, 'View: Close All Editors');
    await textEditor.waitFor({ state: 'detached' });
  }
}

/** The grid's document inside the visible webview (VS Code nests it in two iframes). */
export function gridFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

export function cell(grid: FrameLocator, row: number, col: number) {
  return grid.locator(`[role=gridcell][data-row="${row}"][data-col="${col}"]`);
}

/**
 * Picks the theme the way a user does. (A workbench.colorTheme or preferred*ColorTheme setting is not
 * enough here: with an extension under development the web workbench falls back to Light+ or Abyss.)
 */
export async function pickColorTheme(page: Page, scheme: ColorScheme): Promise<void> {
  const theme = scheme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern';
  await waitForExtension(page);
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget .quick-input-box input').fill(theme);
  await page
    .locator(`.quick-input-widget .monaco-list-row[aria-label*="${theme}"]`)
    .first()
    .click();
  const themeClass = scheme === 'dark' ? 'dark_modern' : 'light_modern';
  await page.locator(`.monaco-workbench[class*="${themeClass}"]`).waitFor();
}

/** Runs a command by its exact palette label. */
export async function runCommand(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // A key pressed while a webview has just taken focus is sometimes not forwarded to the workbench, and the
  // palette never opens (seen on the loaded CI machine). Try the other palette key, then take focus back
  // from the webview by clicking the active tab, as a user would.
  const openers = [
    async () => page.keyboard.press('F1'),
    async () => page.keyboard.press('Control+Shift+P'),
    async () => {
      await page.locator('.tabs-container .tab.active').first().click();
      await page.keyboard.press('F1');
    },
  ];
  // A webview taking focus just after the palette opened closes it again (seen after a tab closed and
  // its group reflowed), so filling the input is part of each attempt.
  for (const [i, open] of openers.entries()) {
    await open();
    const last = i === openers.length - 1;
    const filled = await input
      .waitFor({ state: 'visible', timeout: last ? 30_000 : 5_000 })
      .then(() => input.fill(`>${label}`, { timeout: last ? 30_000 : 5_000 }))
      .then(() => true)
      .catch(() => false);
    if (filled) break;
    if (last)
      throw new Error('the command palette did not open, or closed before the command was typed');
  }
  // The palette also lists fuzzy matches, sometimes above the exact one: pick the exact one or say what is there.
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  const exact = rows.filter({ has: page.getByText(label, { exact: true }) }).first();
  const found = await exact
    .waitFor({ timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!found) {
    const shown = await rows.evaluateAll((els) =>
      els.map((el) => el.getAttribute('aria-label') ?? ''),
    );
    await page.keyboard.press('Escape');
    throw new Error(
      `no command "${label}" in the palette; it lists: ${shown.join(' | ') || '(nothing)'}`,
    );
  }
  await exact.click();
}

/**
 * Polls `file` until its bytes differ from `before` and two reads in a row agree, then returns them (bounded by
 * the test's own timeout). The second read matters: VS Code truncates and then writes, and a poll between the
 * two sees an empty or half-written file.
 */
export async function waitForChange(file: string, before: Buffer): Promise<Buffer> {
  let previous: Buffer | undefined;
  for (;;) {
    const now = fs.readFileSync(file);
    if (!now.equals(before) && previous?.equals(now)) return now;
    previous = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Ctrl+S, then waits until the active editor is no longer dirty, i.e. VS Code has finished writing. */
export async function saveActiveEditor(page: Page): Promise<void> {
  const dirtyTab = page.locator('.editor-group-container.active .tab.active.dirty');
  await dirtyTab.waitFor();
  await page.keyboard.press('Control+S');
  await dirtyTab.waitFor({ state: 'detached' });
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
