// `npm start`: the sample ledgers in data/ in a real VS Code (code-server) in your browser.
// Installs what is missing, packages the extension and installs the .vsix into a local code-server, so it runs
// as it would for a user (hot exit and backups work as for an installed extension, and the URL needs no
// development payload). State lives in .tools/start/ and survives restarts.
//
//   npm start                         serve on http://127.0.0.1:8080 until Ctrl+C
//   npm start -- --port 0             pick a free port
//   npm start -- --screenshot FILE [--ledger NAME] [--theme light|dark]
//                                     open a ledger in headless Chromium, save a screenshot, exit
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const port = Number(option('--port', process.env.PORT ?? '8080'));
const screenshot = option('--screenshot', undefined);
const theme = option('--theme', 'light');
const stateDir = join(root, '.tools/start');
const dataDir = join(root, 'data');

function run(what, command, commandArgs) {
  process.stdout.write(`${what}… `);
  try {
    execFileSync(command, commandArgs, { cwd: root, stdio: 'pipe' });
  } catch (err) {
    console.error(`failed\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    process.exit(1);
  }
  console.log('done');
}

run('Installing tools (first run: a few minutes)', 'bash', ['scripts/install-tools.sh']);
mkdirSync(stateDir, { recursive: true });
const vsix = join(stateDir, 'fund-ledger.vsix');
run('Building and packaging the extension', 'npm', [
  'run',
  '--silent',
  'package',
  '--',
  '--out',
  vsix,
]);
run('Building the harness helpers', 'node', ['esbuild.mjs', '--only=integration']);

const { startCodeServer, codeServerBin } = require(
  join(root, 'out/integration/harness/code-server.js'),
);
const extensionsDir = join(stateDir, 'exts');
run('Installing the .vsix into code-server', process.execPath, [
  codeServerBin(root),
  '--extensions-dir',
  extensionsDir,
  '--user-data-dir',
  join(stateDir, 'udd'),
  '--install-extension',
  vsix,
  '--force',
]);

const server = await startCodeServer(root, { runDir: stateDir, extensionsDir, port });
const url = `${server.origin}/?folder=${encodeURIComponent(dataDir)}`;

if (screenshot) {
  process.env.FUND_LEDGER_REPO = root;
  const { launchBrowser } = require(join(root, 'out/integration/harness/browser.js'));
  const { openLedger, pickColorTheme } = require(
    join(root, 'out/integration/browser/workbench.js'),
  );
  const ledger = option(
    '--ledger',
    readdirSync(dataDir).find((f) => f.endsWith('.ledger.csv')),
  );
  const browser = await launchBrowser();
  let failed = false;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await pickColorTheme(page, theme === 'dark' ? 'dark' : 'light');
    await openLedger(page, ledger);
    await page.screenshot({ path: resolve(screenshot) });
    console.log(`Saved ${screenshot} (${ledger}, ${theme} theme)`);
  } catch (err) {
    failed = true;
    console.error(err);
  } finally {
    await browser.close();
    await server.stop();
  }
  process.exit(failed ? 1 : 0);
}

console.log(
  `\nFund Ledger is running in VS Code at:\n\n  ${url}\n\nOpen a *.ledger.csv from the Explorer. Ctrl+C stops the server.`,
);
if (!existsSync(dataDir)) console.warn(`(no ${dataDir} folder: the workbench opens empty)`);
const stop = () => server.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
