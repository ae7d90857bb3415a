// What the harness and the in-host suite runner agree on. Environment variables reach the extension host
// because it inherits code-server's environment, which the harness sets.

/** Path of the JSON file the suite runner writes its results to (a cross-check of the exit code). */
export const resultsFileVar = 'FUND_LEDGER_TEST_RESULTS';
/** Mocha grep pattern: run only the tests whose full title matches. */
export const grepVar = 'FUND_LEDGER_TEST_GREP';

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

/** How the harness tells browser tests (run in its own process) where things are. */
export const browserEnv = {
  /** http://127.0.0.1:PORT of the running code-server. */
  origin: 'FUND_LEDGER_CODE_SERVER',
  /** The extension under development (this repository). */
  repoRoot: 'FUND_LEDGER_REPO',
  /** Where a failing test leaves its screenshots. */
  failureDir: 'FUND_LEDGER_FAILURE_DIR',
} as const;
