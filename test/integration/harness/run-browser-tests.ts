// Runs the browser-level tests (out/integration/browser/**/*.test.js) with mocha in this process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface BrowserTestsResult {
  ok: boolean;
  passed: number;
  failed: number;
}

function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function runBrowserTests(
  dir: string,
  grep: string | undefined,
): Promise<BrowserTestsResult> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 120_000,
    ...(grep ? { grep } : {}),
  });
  const files = findTests(dir);
  for (const file of files) mocha.addFile(file);
  let passed = 0;
  let failed = 0;
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => {
      // No browser tests at all is a broken setup, not a pass.
      resolve({ ok: failures === 0 && passed > 0, passed, failed });
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}
