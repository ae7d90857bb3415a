import { scanCsv } from '../csv/scan';
import type { Diagnostic } from '../diagnostics';
import { LedgerBuilder } from './builder';
import { finishLedger, type LedgerOptions, type LedgerResult } from './finish';

/** Reads a whole ledger held in memory: facts, every diagnostic, and allocation against targets. */
export function analyzeLedger(file: string, text: string, opts: LedgerOptions = {}): LedgerResult {
  const b = new LedgerBuilder(file);
  b.addTable(scanCsv(text), 0, 0);
  return finishLedger(b, opts);
}

/** Every problem in a ledger (not just the first), sorted by position. */
export function validateLedger(file: string, text: string, opts: LedgerOptions = {}): Diagnostic[] {
  return analyzeLedger(file, text, opts).diagnostics;
}
