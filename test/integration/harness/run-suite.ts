// Runs the mocha suite inside the extension host, the way extensionTestsPath works in desktop VS Code:
// the web workbench loads the tests module, awaits its run(), then calls window.codeAutomationExit(code).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { workbenchUrl } from './browser';
import type { SuiteResults } from './protocol';

export interface SuiteRun {
  /** The workbench's exit code: 0 when run() resolved. */
  exitCode: number | 'timeout';
  /** What the runner wrote, or undefined if it never got that far (e.g. a test module failed to load). */
  results: SuiteResults | undefined;
  page: Page;
}

export interface SuiteRunOptions {
  origin: string;
  repoRoot: string;
  workspace: string;
  resultsFile: string;
  timeoutMs: number;
  /** Receives each line the extension host and workbench log. */
  log: (line: string) => void;
}

export async function runExtensionHostSuite(
  browser: Browser,
  opts: SuiteRunOptions,
): Promise<SuiteRun> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  let settle: (code: number | 'timeout') => void = () => undefined;
  const exited = new Promise<number | 'timeout'>((resolve) => (settle = resolve));
  // Both must exist before the workbench loads: it looks them up once, when the tests start.
  await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
    const text = Array.isArray(args) ? args.map(String).join(' ') : String(args);
    for (const line of text.replace(/\n$/, '').split('\n'))
      opts.log(type === 'error' ? `[err] ${line}` : line);
  });
  await page.exposeFunction('codeAutomationExit', (code: unknown) => {
    settle(typeof code === 'number' ? code : 1);
  });
  const timer = setTimeout(() => settle('timeout'), opts.timeoutMs);

  const url = workbenchUrl(opts.origin, opts.workspace, [
    ['extensionDevelopmentPath', opts.repoRoot],
    ['extensionTestsPath', path.join(opts.repoRoot, 'out/integration/suite/index.js')],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(url);
  const exitCode = await exited;
  clearTimeout(timer);
  return { exitCode, results: readResults(opts.resultsFile), page };
}

function readResults(file: string): SuiteResults | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined;
  }
}
