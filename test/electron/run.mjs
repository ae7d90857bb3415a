// `npm run test:electron`: the same extension-host suite in desktop VS Code, downloaded by
// @vscode/test-electron. For machines that can reach update.code.visualstudio.com; CI here cannot, and runs
// the suite in code-server instead (npm run test:integration).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runDir = mkdtempSync(join(tmpdir(), 'fund-ledger-electron-'));
const workspace = join(runDir, 'ws');
cpSync(join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
process.env.FUND_LEDGER_TEST_RESULTS = join(runDir, 'results.json');

try {
  await runTests({
    // The code-server harness uses VS Code 1.100.3; test the same version here.
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/integration/suite/index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--user-data-dir',
      join(runDir, 'udd'),
    ],
  });
  console.log('electron: extension-host suite passed');
} catch (err) {
  console.error(
    `electron: extension-host suite FAILED (${err instanceof Error ? err.message : String(err)})`,
  );
  process.exitCode = 1;
} finally {
  rmSync(runDir, { recursive: true, force: true });
}
