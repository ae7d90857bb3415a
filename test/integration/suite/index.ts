// The extensionTestsPath module: the extension host requires it and awaits run(); a rejection means failure.
// Loads every bundled suite test, so a new *.test.ts needs no edit here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import { resultsFileVar, grepVar, type SuiteResults } from '../harness/protocol';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

function writeResults(results: SuiteResults): void {
  const file = process.env[resultsFileVar];
  if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

export function run(): Promise<void> {
  // The extension host ignores assignments to console and drops printf formatting when forwarding output.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const grep = process.env[grepVar];
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  for (const file of findTests(__dirname)) mocha.addFile(file);

  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      writeResults(results);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else if (results.passed === 0) reject(new Error('no extension-host tests ran'));
      else resolve();
    });
    runner.on('pass', () => results.passed++);
    runner.on('pending', () => results.pending++);
    runner.on('fail', (test, err: unknown) => {
      results.failed++;
      results.failures.push({
        title: test.fullTitle(),
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
    });
  });
}
