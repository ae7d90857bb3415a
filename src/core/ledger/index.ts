// The ledger layer's public API (docs/ledger-format.md, docs/diagnostics.md).
export { validateLedger, analyzeLedger } from './validate';
export { finishLedger, type LedgerOptions, type LedgerResult } from './finish';
export { LedgerBuilder } from './builder';
export { LedgerSession, type CellChange, type EditOutcome } from './session';
export { LedgerSheet, type RawCells } from './sheet';
export { computeTargets, targetBand } from './aggregate';
export type {
  TargetBand,
  TargetPace,
  TargetProgress,
  TargetStatus,
  TargetsOptions,
} from './targets';
export { newRowId, rowIdPrefix } from './rowid';
export {
  parseDate,
  parsePeriod,
  dayNumber,
  dateFromDayNumber,
  todayIso,
  type Period,
} from './period';
export { injectionRisk } from './injection';
export { LEDGER_CODES, type LedgerCode } from './codes';
export * from './schema';
