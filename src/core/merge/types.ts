import type { Bilingual } from '../diagnostics';

/** One cell's three versions, as a merge conflict and as a conflict cell found again in a merged file share them. */
export interface ConflictSides {
  /** 0-based row and column in the merged file. */
  readonly row: number;
  readonly col: number;
  /** The row's id (编号), or '' without one. */
  readonly id: string;
  readonly column: string;
  /** The three versions (formula references already moved to the merged file's rows). */
  readonly ours: string;
  readonly base: string;
  readonly theirs: string;
}

export interface MergeConflict extends ConflictSides {
  /** `cell`: both sides changed one cell differently; `deleted-by-*`: one side deleted a row the other edited. */
  readonly kind: 'cell' | 'deleted-by-ours' | 'deleted-by-theirs';
}

export interface MergeNote {
  /** FL-MERGE-FORMULA-ADJUSTED, FL-MERGE-FORMULA-REF-DELETED or FL-MERGE-COLUMN-DROPPED. */
  readonly code: string;
  readonly severity: 'warning' | 'info';
  readonly message: Bilingual;
  readonly row?: number;
  readonly col?: number;
}

export interface MergeStats {
  readonly rows: number;
  /** Rows written exactly as they were in ours (same bytes). */
  readonly keptFromOurs: number;
  /** Rows that took at least one change from theirs (or came from theirs). */
  readonly takenFromTheirs: number;
  readonly cellConflicts: number;
  readonly rowConflicts: number;
  readonly adjustedFormulas: number;
}

export interface MergeResult {
  /** The merged text: ours' BOM, line endings and quoting wherever ours' bytes could be kept. */
  readonly text: string;
  readonly conflicts: readonly MergeConflict[];
  readonly notes: readonly MergeNote[];
  readonly stats: MergeStats;
}
