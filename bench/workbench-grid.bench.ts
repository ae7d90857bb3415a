// The grid in the real VS Code (code-server + headless Chromium, the integration harness's own
// start-up code): from Quick Open's Enter to the grid's first rows painted and to interactive (whole
// text scanned, every formula evaluated) for 10k/100k/500k-row ledgers, the webview's share of it
// (`init` received → first rows), the page's JS heap, and from Enter in an amount cell to the
// whole-column SUMIFS total's new text in the DOM for 100k rows with about 1,000 formulas.
// Baselines in the same run: the same bytes opened in VS Code's text editor (a `.csv` copy) and a
// keystroke in that text editor until it is on screen.
//
//   npm run bench -- workbench            (builds the extension and webviews with --production first)
//   RUNS=5 SIZES=10000,100000 npm run bench -- workbench
//
// Grid times come from marks the webview sets (src/webview/grid/perfMarks.ts) and from listeners
// this bench adds to the pages; all are performance.timeOrigin + now, one clock for every frame.
// "Painted" marks are taken at the start of the frame that paints, so add that frame's layout and
// paint (a few ms for about 40 rows).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { launchBrowser, workbenchUrl } from '../test/integration/harness/browser';
import { startCodeServer } from '../test/integration/harness/code-server';
import { browserEnv } from '../test/integration/harness/protocol';
import {
  cell,
  gridFrame,
  runCommand,
  waitForExtension,
} from '../test/integration/browser/workbench';
import { generateLedger, type GeneratorOptions } from './ledger-generator';

const repoRoot = path.resolve(__dirname, '../..');
const RUNS = Number(process.env['RUNS'] ?? 3);
const EDITS = Number(process.env['EDITS'] ?? 6);
const SIZES = (process.env['SIZES'] ?? '10000,100000,500000').split(',').map(Number);
const FORMULA_ROWS = 100_000;
const AMOUNT_COL = 6;

interface Ledger {
  name: string;
  rows: number;
  chars: number;
  bytes: number;
  formulas: number;
}

function writeLedger(dir: string, name: string, rows: number, opts: GeneratorOptions): Ledger {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  let chars = 0;
  let lines = 0;
  let formulas = 0;
  for (const chunk of generateLedger(rows, opts)) {
    fs.writeSync(fd, chunk);
    chars += chunk.length;
    formulas += chunk.split(/,"?=/).length - 1;
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines++;
  }
  fs.closeSync(fd);
  return { name, rows: lines, chars, bytes: fs.statSync(file).size, formulas };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const spread = (xs: number[]): string =>
  `${ms(median(xs))} (${xs.map((x) => x.toFixed(0)).join(', ')})`;

/** Epoch time of the latest mark of that name in the grid's webview, or undefined. */
async function markTime(grid: FrameLocator, name: string): Promise<number | undefined> {
  return grid.locator('body').evaluate((_, n) => {
    const entries = performance.getEntriesByName(n, 'mark');
    const last = entries[entries.length - 1];
    return last ? performance.timeOrigin + last.startTime : undefined;
  }, name);
}

async function waitForMark(grid: FrameLocator, name: string, timeoutMs = 180_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t = await markTime(grid, name).catch(() => undefined);
    if (t !== undefined) return t;
    if (Date.now() > deadline) throw new Error(`no ${name} mark within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Records, in the workbench page, when Enter went down (Quick Open's Enter starts an open). */
async function watchEnter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { flEnter?: number | undefined };
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Enter') w.flEnter = performance.timeOrigin + performance.now();
      },
      true,
    );
  });
}

async function quickOpen(page: Page, fileName: string): Promise<number> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(fileName);
  await page
    .locator(`.quick-input-widget .monaco-list-row.focused[aria-label^="${fileName}"]`)
    .first()
    .waitFor();
  await page.evaluate(
    () => ((window as unknown as { flEnter?: number | undefined }).flEnter = undefined),
  );
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { flEnter: number }).flEnter);
}

async function closeAll(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 30_000 });
  await page
    .locator('.editor-group-container .monaco-editor')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 });
}

/** JS heap of the page's renderer after a full GC (the webview shares it: same site, same process). */
async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

interface GridOpen {
  firstRows: number;
  interactive: number;
  initToFirstRows: number;
  commandToReady: number;
  readyToInit: number;
  readyToWhole: number;
  heap: number;
}

async function openGrid(page: Page, fileName: string): Promise<GridOpen | 'text'> {
  const heapBefore = await heapMB(page);
  const t0 = await quickOpen(page, fileName);
  const grid = gridFrame(page);
  const textEditor = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  // The workbench sometimes gives the first open of a ledger to the text editor (see workbench.ts).
  const opened = await Promise.race([
    waitForMark(grid, 'fundLedger.firstRows').then(() => 'grid' as const),
    textEditor.waitFor({ timeout: 180_000 }).then(() => 'text' as const),
  ]);
  if (opened === 'text') return 'text';
  const interactive = await waitForMark(grid, 'fundLedger.interactive');
  const init = (await markTime(grid, 'fundLedger.init')) as number;
  const ready = (await markTime(grid, 'fundLedger.ready')) as number;
  const whole = (await markTime(grid, 'fundLedger.wholeText')) ?? init;
  const first = (await markTime(grid, 'fundLedger.firstRows')) as number;
  const heap = (await heapMB(page)) - heapBefore;
  return {
    firstRows: first - t0,
    interactive: interactive - t0,
    initToFirstRows: first - init,
    commandToReady: ready - t0,
    readyToInit: init - ready,
    readyToWhole: whole - ready,
    heap,
  };
}

/** Quick Open's Enter → the text editor shows the file's first line. */
async function openText(page: Page, fileName: string): Promise<number> {
  const t0 = await quickOpen(page, fileName);
  const shown = await page.waitForFunction(
    () => {
      const lines = document.querySelector(
        '.editor-group-container.active .monaco-editor .view-lines',
      );
      return lines?.textContent?.includes('编号') ? performance.timeOrigin + performance.now() : 0;
    },
    undefined,
    { polling: 'raf', timeout: 180_000 },
  );
  return ((await shown.jsonValue()) as number) - t0;
}

async function benchOpens(page: Page, ledger: Ledger, text: string): Promise<void> {
  const runs: GridOpen[] = [];
  const textRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    textRuns.push(await openText(page, text));
    await closeAll(page);
    let r = await openGrid(page, ledger.name);
    for (let retry = 0; r === 'text' && retry < 3; retry++) {
      await closeAll(page);
      r = await openGrid(page, ledger.name);
    }
    if (r === 'text') throw new Error(`${ledger.name} kept opening in the text editor`);
    runs.push(r);
    await closeAll(page);
  }
  const col = <K extends keyof GridOpen>(k: K): number[] => runs.map((r) => r[k]);
  const base = median(textRuns);
  console.log(
    `${String(ledger.rows - 1).padStart(7)} rows ${(ledger.chars / 2 ** 20).toFixed(1).padStart(5)} M chars` +
      ` | text editor (baseline) ${spread(textRuns)}`,
  );
  console.log(
    `    grid: command → first rows ${spread(col('firstRows'))} = ${(median(col('firstRows')) / base).toFixed(2)}× baseline` +
      ` | init → first rows ${spread(col('initToFirstRows'))} | command → webview ready ${ms(median(col('commandToReady')))}, ready → first text ${ms(median(col('readyToInit')))}, → whole text ${ms(median(col('readyToWhole')))}`,
  );
  console.log(
    `    grid: command → interactive ${spread(col('interactive'))} = ${(median(col('interactive')) / base).toFixed(2)}× baseline` +
      ` | page heap +${median(col('heap')).toFixed(0)} MB (${col('heap')
        .map((h) => h.toFixed(0))
        .join(', ')})`,
  );
}

interface EditTimes {
  toUpdate: number;
  recalc: number;
  recalcToDom: number;
  total: number;
}

/** Enter in an amount cell → the fund's SUMIFS 合计 has its new text in the DOM. */
async function oneEdit(
  page: Page,
  grid: FrameLocator,
  row: number,
  totalRow: number,
  value: string,
): Promise<EditTimes> {
  // Wait until the extension host has validated the last change (it posts `problems`): an edit
  // made while it validates a 100k-row text waits for that, which is the validator's time.
  const update = await markTime(grid, 'fundLedger.update');
  if (update !== undefined) {
    const deadline = Date.now() + 30_000;
    while (((await markTime(grid, 'fundLedger.problems')) ?? 0) < update && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
  }
  const target = cell(grid, row, AMOUNT_COL);
  await target.click();
  await grid.locator('body').evaluate((_, sel) => {
    const w = window as unknown as { flEnter?: number | undefined; flTotal?: number | undefined };
    w.flEnter = undefined;
    w.flTotal = undefined;
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no total cell ${sel}`);
    const before = el.textContent;
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Enter') w.flEnter ??= performance.timeOrigin + performance.now();
      },
      { capture: true },
    );
    const observer = new MutationObserver(() => {
      if (el.textContent === before) return;
      w.flTotal = performance.timeOrigin + performance.now();
      observer.disconnect();
    });
    observer.observe(el, { childList: true, characterData: true, subtree: true });
  }, `[role=gridcell][data-row="${totalRow}"][data-col="${AMOUNT_COL}"]`);
  await page.keyboard.type(value);
  await grid.locator('input.cell-editor').press('Enter');
  const times = await grid.locator('body').evaluate(async () => {
    const w = window as unknown as { flEnter?: number | undefined; flTotal?: number | undefined };
    while (w.flTotal === undefined) await new Promise((r) => setTimeout(r, 5));
    return { enter: w.flEnter as number, total: w.flTotal };
  });
  const updated = (await markTime(grid, 'fundLedger.update')) as number;
  const recalculated = (await markTime(grid, 'fundLedger.recalculated')) as number;
  return {
    toUpdate: updated - times.enter,
    recalc: recalculated - updated,
    recalcToDom: times.total - recalculated,
    total: times.total - times.enter,
  };
}

/** A keystroke in VS Code's own text editor until the character is in its view lines. */
async function textKeystroke(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { flKey?: number | undefined };
    w.flKey = undefined;
    window.addEventListener(
      'keydown',
      () => (w.flKey = performance.timeOrigin + performance.now()),
      { capture: true, once: true },
    );
  });
  await page.keyboard.type('Q');
  const shown = await page.waitForFunction(
    () => {
      const lines = document.querySelector('.editor-group-container.active .view-lines');
      return lines?.textContent?.includes('Q') ? performance.timeOrigin + performance.now() : 0;
    },
    undefined,
    { polling: 'raf' },
  );
  const end = (await shown.jsonValue()) as number;
  const start = await page.evaluate(() => (window as unknown as { flKey: number }).flKey);
  await page.keyboard.press('Backspace');
  await page.waitForFunction(
    () =>
      !document
        .querySelector('.editor-group-container.active .view-lines')
        ?.textContent?.includes('Q'),
  );
  return end - start;
}

async function benchEdits(page: Page, ledger: Ledger, text: string): Promise<void> {
  // Baseline: the same file in the text editor, one keystroke until it is on screen.
  await openText(page, text);
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
  const textTimes: number[] = [];
  for (let i = 0; i < EDITS; i++) textTimes.push(await textKeystroke(page));
  await runCommand(page, 'View: Revert and Close Editor');
  await closeAll(page);

  let opened = await openGrid(page, ledger.name);
  for (let retry = 0; opened === 'text' && retry < 3; retry++) {
    await closeAll(page);
    opened = await openGrid(page, ledger.name);
  }
  if (opened === 'text') throw new Error(`${ledger.name} kept opening in the text editor`);
  const grid = gridFrame(page);
  await waitForMark(grid, 'fundLedger.problems');
  // The file ends: …entries, 小计, five 合计 (whole-column SUMIFS). Edit an entry of the last block,
  // so its 合计 is on the same screen.
  const last = ledger.rows - 1;
  const row = last - 8;
  await cell(grid, 1, 0).click();
  await page.keyboard.press('Control+End');
  await cell(grid, row, 2).waitFor();
  const fund = await cell(grid, row, 2).textContent();
  let totalRow = -1;
  for (let r = last - 4; r <= last; r++)
    if ((await cell(grid, r, 2).textContent()) === fund) totalRow = r;
  if (totalRow < 0) throw new Error(`no 合计 row for ${fund ?? '?'} on screen`);
  const runs: EditTimes[] = [];
  for (let i = 0; i < EDITS; i++)
    runs.push(await oneEdit(page, grid, row, totalRow, `${4321 + i * 17}.${10 + i}`));
  await runCommand(page, 'View: Revert and Close Editor');
  await closeAll(page);

  const [first, ...rest] = runs;
  if (!first) return;
  const base = median(textTimes);
  console.log(
    `edit an amount, 100k rows with ${ledger.formulas} formulas | text editor keystroke (baseline) ${spread(textTimes)}`,
  );
  const line = (label: string, r: EditTimes[]): string =>
    `    ${label}: Enter → total in the DOM ${spread(r.map((x) => x.total))}` +
    ` = ${(median(r.map((x) => x.total)) / base).toFixed(1)}× baseline | Enter → update received ${ms(median(r.map((x) => x.toUpdate)))}` +
    ` | apply + recalc ${ms(median(r.map((x) => x.recalc)))} | recalc → DOM ${ms(median(r.map((x) => x.recalcToDom)))}`;
  console.log(line('first edit', [first]));
  if (rest.length > 0) console.log(line(`next ${rest.length}`, rest));
}

async function main(): Promise<void> {
  const build = spawnSync(
    process.execPath,
    ['esbuild.mjs', '--only=extension,webview', '--production'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`building the extension failed:\n${build.stderr}`);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fund-ledger-bench-'));
  const ws = path.join(runDir, 'ws');
  fs.mkdirSync(ws);
  const ledgers = SIZES.map((rows) => {
    // Above 100k rows, lean rows keep the file under the 50 MB VS Code hands to an extension.
    const ledger = writeLedger(ws, `g${rows / 1000}k.ledger.csv`, rows, {
      lean: rows > 100_000,
    });
    fs.copyFileSync(path.join(ws, ledger.name), path.join(ws, `g${rows / 1000}k-text.csv`));
    return ledger;
  });
  const formulas = writeLedger(ws, 'f1000.ledger.csv', FORMULA_ROWS, { block: 100 });
  fs.copyFileSync(path.join(ws, formulas.name), path.join(ws, 'f1000-text.csv'));
  process.env[browserEnv.repoRoot] = repoRoot;

  const server = await startCodeServer(repoRoot, {
    runDir,
    // The web workbench asks before opening a text file above 10 MB in the text editor.
    settings: {
      'workbench.editor.enablePreview': false,
      'workbench.editorLargeFileConfirmation': 1024,
    },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(
      workbenchUrl(server.origin, ws, [
        ['extensionDevelopmentPath', repoRoot],
        ['skipWelcome', 'true'],
      ]),
    );
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await waitForExtension(page);
    await watchEnter(page);
    console.log(
      `code-server ${server.origin}, ${RUNS} runs per size, medians (each run in brackets); load average ${os.loadavg()[0]?.toFixed(1)}`,
    );
    for (const ledger of ledgers)
      await benchOpens(page, ledger, ledger.name.replace('.ledger.csv', '-text.csv'));
    await benchEdits(page, formulas, 'f1000-text.csv');
    console.log(`load average at the end ${os.loadavg()[0]?.toFixed(1)}`);
  } catch (e) {
    const shot = path.join(os.tmpdir(), 'workbench-grid-bench-failure.png');
    await browser
      .contexts()[0]
      ?.pages()[0]
      ?.screenshot({ path: shot })
      .catch(() => undefined);
    console.error(`screenshot of the failure: ${shot}`);
    throw e;
  } finally {
    await browser.close();
    await server.stop();
    if (!process.env['KEEP']) fs.rmSync(runDir, { recursive: true, force: true });
    else console.log(`kept ${runDir}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
