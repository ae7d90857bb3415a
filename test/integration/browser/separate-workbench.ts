// A workbench on its own code-server, for tests that need what the harness's shared one cannot give: the
// extension installed from the packaged .vsix (hot exit and backups are off for an extension under
// development), or workspace trust left on (Restricted Mode). Each one is a fresh server, user data and
// workspace; close() ends its whole process group, and so does this process's exit if a test never got there.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { installExtension, startCodeServer, type CodeServer } from '../harness/code-server';
import { packageVsix } from '../harness/package-vsix';
import { browserEnv } from '../harness/protocol';

export interface SeparateWorkbench {
  page: Page;
  server: CodeServer;
  /** The workspace folder the workbench has open. */
  workspace: string;
  /** This server's user data dir (settings, logs, and the backups of unsaved edits). */
  userDataDir: string;
  close(): Promise<void>;
}

export interface SeparateWorkbenchOptions {
  /** Files written into the fresh workspace before the workbench opens it: name → content. */
  files: Record<string, string | Buffer>;
  /** User settings on top of the harness defaults. */
  settings?: Record<string, unknown>;
  /** Leave workspace trust on, so the folder opens untrusted (see startCodeServer). */
  workspaceTrust?: boolean;
}

function repoRoot(): string {
  const root = process.env[browserEnv.repoRoot];
  if (!root) throw new Error(`${browserEnv.repoRoot} is not set: run through the harness`);
  return root;
}

// Servers not yet closed. A process exit cannot await, but a signal to the group is synchronous.
const running = new Set<CodeServer>();
const scratch = new Set<string>();
process.once('exit', () => {
  for (const server of running) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

let vsix: string | undefined;

/** The extension packaged as for users, built once per test process from the current sources. */
export function packagedVsix(): string {
  if (!vsix) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fund-ledger-vsix-'));
    scratch.add(dir);
    vsix = packageVsix(repoRoot(), dir);
  }
  return vsix;
}

/** Starts code-server with the packaged extension installed and opens the workbench on a fresh workspace. */
export async function startSeparateWorkbench(
  options: SeparateWorkbenchOptions,
): Promise<SeparateWorkbench> {
  const root = repoRoot();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fund-ledger-sep-'));
  scratch.add(runDir);
  const workspace = path.join(runDir, 'ws');
  fs.mkdirSync(workspace);
  for (const [name, content] of Object.entries(options.files)) {
    fs.writeFileSync(path.join(workspace, name), content);
  }
  const extensionsDir = path.join(runDir, 'exts');
  const userDataDir = path.join(runDir, 'udd');
  installExtension(root, packagedVsix(), extensionsDir, userDataDir);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    if (server) {
      await server.stop();
      running.delete(server);
    }
    fs.rmSync(runDir, { recursive: true, force: true });
    scratch.delete(runDir);
  };
  try {
    server = await startCodeServer(root, {
      runDir,
      extensionsDir,
      settings: options.settings ?? {},
      workspaceTrust: options.workspaceTrust ?? false,
    });
    running.add(server);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${server.origin}/?${new URLSearchParams({ folder: workspace }).toString()}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { page, server, workspace, userDataDir, close };
  } catch (err) {
    await close();
    throw err;
  }
}
