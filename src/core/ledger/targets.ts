import type { Fen, Unit } from '../money/units';
import type { EntryKind, TargetKind } from './schema';
import type { Period } from './period';

/** Where an aggregation stands against its target band. */
export type TargetStatus = 'no-target' | 'under' | 'within' | 'over';

/** A target row resolved to exact money: `min` is the 金额 cell, `max` the 上限 cell (equal for a single figure). */
export interface TargetBand {
  readonly kind: TargetKind;
  readonly min: Fen;
  readonly max: Fen;
  /** Absent: the target has no period and every dated or undated entry counts. */
  readonly period?: Period;
  /** 0-based file row of the target line. */
  readonly row: number;
  readonly id: string;
}

/** Progress of a dated target along the straight line from period start to period end. */
export interface TargetPace {
  /** ISO date the pace is measured at (the `asOf` option, clamped to the period). */
  readonly asOf: string;
  /** Share of the period elapsed at `asOf`, 0..1. */
  readonly elapsed: number;
  /** Where the straight-line path to the minimum would be at `asOf`. */
  readonly expected: Fen;
  /** Actual up to and including `asOf`. */
  readonly actualToDate: Fen;
  /** Actual below the straight-line path while the period is still running, or below min after it ended. */
  readonly behind: boolean;
  /** Date the minimum is reached at the pace so far; undefined when nothing counted yet or already reached (see `reachedOn`). */
  readonly projectedCompletion?: string;
  /** Date of the entry that first brought the cumulative actual to the minimum. */
  readonly reachedOn?: string;
  /** Cumulative actual after each dated contributing entry, in date order (for the chart's line). */
  readonly cumulative: readonly { date: string; total: Fen; row: number }[];
}

/** One row of the targets table: a fund (or fund/category) for a period, against one target. */
export interface TargetProgress {
  readonly fund: string;
  /** Absent for a fund-wide target, which counts every category of the fund. */
  readonly category?: string;
  /** The entry kind counted as "actual": target→allocated, target:raised→raised, target:spent→spent. */
  readonly measure: EntryKind;
  /** Absent when entries exist without any target that covers them (`status: 'no-target'`). */
  readonly target?: TargetBand;
  readonly actual: Fen;
  /** `min − actual`, never below zero; 0 without a target. */
  readonly remaining: Fen;
  /** `actual / min` (1 = 100 %); undefined without a target or with a zero minimum. Display only: money stays in fen. */
  readonly share?: number;
  readonly status: TargetStatus;
  /** 0-based file rows of the entries counted in `actual` (click-through from the chart). */
  readonly rows: readonly number[];
  /** Unit to display this group in: the unit of the target's amount cell, else 元. */
  readonly unit: Unit;
  /** Only for targets with a period. */
  readonly pace?: TargetPace;
}

export interface TargetsOptions {
  /** ISO date; default: today (UTC). Decides whether a period has ended and where the pace is measured. */
  readonly asOf?: string;
}

/** Options for computeTargets beyond the as-of date. */
export interface ComputeTargetsOptions {
  /** ISO date the pace and "period ended" are judged at. */
  readonly asOf: string;
  /** Compute pace (sorting every contributing entry by date); validation does not need it. */
  readonly pace?: boolean;
}

/** The aggregation itself lives in aggregate.ts; re-exported so callers find it next to its types. */
export { computeTargets } from './aggregate';
