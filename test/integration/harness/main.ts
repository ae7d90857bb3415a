// `npm run test:integration`: one code-server for the whole run; first the mocha suite inside the extension
// host, then the browser-level tests. Exit code 0 only when both pass; on failure the logs and screenshots are
// kept under .test-artifacts/<timestamp>/.
//
// Options: --grep PATTERN (both parts), --suite-only, --browser-only, --keep (keep the temporary run folder).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { keepFailureArtifacts } from './artifacts';
import { launchBrowser } from './browser';
import { runBrowserTests } from './run-browser-tests';
import { startCodeServer, type CodeServer } from './code-server';
import { browserEnv, grepVar, resultsFileVar } from './protocol';
import { runExtensionHostSuite } from './run-suite';

const repoRoot = path.resolve(__dirname, '../../..');
const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const grepIndex = argv.indexOf('--grep');
const grep = grepIndex >= 0 ? argv[grepIndex + 1] : process.env[grepVar];
const suiteTimeoutMs = Number(process.env['FUND_LEDGER_SUITE_TIMEOUT_MS'] ?? 10 * 60_000);

// Workbench start-up chatter that says nothing about the tests; still kept in suite-output.log.
const workbenchNoise =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const failureDir = path.join(repoRoot, '.test-artifacts', stamp);
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fund-ledger-it-'));

async function runSuite(server: CodeServer): Promise<{ ok: boolean; summary: string }> {
  const workspace = path.join(runDir, 'ws');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const browser = await launchBrowser();
  try {
    const run = await runExtensionHostSuite(browser, {
      origin: server.origin,
      repoRoot,
      workspace,
      resultsFile: path.join(runDir, 'results.json'),
      timeoutMs: suiteTimeoutMs,
      log: (line) => {
        fs.appendFileSync(path.join(runDir, 'suite-output.log'), `${line}\n`);
        if (!workbenchNoise.test(line)) console.log(`  │ ${line}`);
      },
    });
    const { exitCode, results } = run;
    const passed = results?.passed ?? 0;
    const failed = results?.failed ?? 0;
    const problems: string[] = [];
    if (exitCode === 'timeout')
      problems.push(`the suite did not finish within ${suiteTimeoutMs} ms`);
    else if (exitCode !== 0) problems.push(`the extension host reported exit code ${exitCode}`);
    if (!results)
      problems.push('the suite wrote no results file (did a test module fail to load?)');
    else if (passed === 0) problems.push('no extension-host tests passed');
    if (exitCode === 0 && failed > 0)
      problems.push('exit code 0 but the results file lists failures');
    for (const f of results?.failures ?? []) console.error(`  ✗ ${f.title}\n${indent(f.error)}`);
    for (const p of problems) console.error(`  ! ${p}`);
    const ok = problems.length === 0 && failed === 0;
    if (!ok) {
      fs.mkdirSync(failureDir, { recursive: true });
      await run.page
        .screenshot({ path: path.join(failureDir, 'extension-host-suite.png') })
        .catch(() => undefined);
    }
    return {
      ok,
      summary: `integration: ${passed} passed, ${failed} failed${ok ? '' : ' (FAILED)'}`,
    };
  } finally {
    await browser.close();
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}

async function main(): Promise<number> {
  const started = Date.now();
  const server = await startCodeServer(repoRoot, {
    runDir,
    env: {
      [resultsFileVar]: path.join(runDir, 'results.json'),
      ...(grep ? { [grepVar]: grep } : {}),
    },
  });
  const stop = (): void => {
    void server.stop().then(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`code-server ${server.origin} (run folder ${runDir})`);

  const summaries: string[] = [];
  let ok = true;
  try {
    if (!flag('--browser-only')) {
      const suite = await runSuite(server);
      summaries.push(suite.summary);
      ok &&= suite.ok;
    }
    if (!flag('--suite-only')) {
      process.env[browserEnv.origin] = server.origin;
      process.env[browserEnv.repoRoot] = repoRoot;
      process.env[browserEnv.failureDir] = failureDir;
      const browser = await runBrowserTests(path.join(repoRoot, 'out/integration/browser'), grep);
      summaries.push(
        `browser: ${browser.passed} passed, ${browser.failed} failed${browser.ok ? '' : ' (FAILED)'}`,
      );
      ok &&= browser.ok;
    }
  } finally {
    await server.stop();
  }

  for (const s of summaries) console.log(s);
  console.log(`integration harness took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) {
    keepFailureArtifacts(failureDir, server, runDir);
    console.error(
      `FAILED — screenshots and logs kept in ${path.relative(process.cwd(), failureDir) || failureDir}`,
    );
  }
  if (!flag('--keep')) fs.rmSync(runDir, { recursive: true, force: true });
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    // No screenshots to keep this early; code-server's own log stays in the run folder.
    console.error(`integration: harness error (FAILED) — logs kept in ${runDir}`);
    process.exit(1);
  },
);
