// The only message types exchanged between the extension and its webviews: one union per direction, keyed on `type`.
// Each view adds its messages here; both sides import from this module so a renamed field fails to compile on both.

// ---------------------------------------------------------------------------------------------
// Ledger grid (src/extension/ledgerEditorProvider.ts <-> src/webview/grid)
// The TextDocument is the model: the grid never edits its own copy of the text. It sends intents
// (editCells, insertRows…); the extension turns them into minimal WorkspaceEdits; every document
// change (ours, a text editor's, a second grid's, git's) comes back as `update`.
// ---------------------------------------------------------------------------------------------

/** One replacement in UTF-16 offsets of the text *before* the change. */
export interface TextSplice {
  start: number;
  end: number;
  text: string;
}

/** Display unit for amounts; mirrors `Unit` in src/core/money. */
export type DisplayUnit = '元' | '万元' | '亿元';

/** How the grid shows amounts: converted to one unit, or each column in the unit its header declares. */
export type GridUnitChoice = DisplayUnit | 'asDeclared';

/** Why the grid is read-only, shown as a banner. */
export interface GridNotice {
  kind: 'parse-error' | 'restricted' | 'too-large' | 'unsupported-scheme' | 'encoding';
  /** Localised text; rendered with textContent. */
  message: string;
  /** Offer the "Open as text" button. */
  offerText: boolean;
}

/** One validation problem belonging to a cell, for the in-grid marker. */
export interface CellProblem {
  row: number;
  col: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** One cell write; `row`/`col` are 0-based file coordinates (row 0 is the header). */
export interface CellWrite {
  row: number;
  col: number;
  value: string;
}

/** Sent once in answer to `ready`: the whole state the grid needs. */
export interface GridInit {
  type: 'init';
  text: string;
  /** TextDocument.version the text belongs to. */
  version: number;
  readOnly: boolean;
  /** False in Restricted Mode: formulas are shown as text, not evaluated. */
  evaluateFormulas: boolean;
  notice: GridNotice | null;
  displayUnit: GridUnitChoice;
  /** Localised UI strings keyed by English source text (vscode.l10n.t results). */
  strings: Record<string, string>;
  /** `zh` or `en`, for Bilingual messages computed inside the webview. */
  language: 'zh' | 'en';
  /** `text` is only the first lines of a big document, to paint from; the whole follows in another `init`. */
  preview?: boolean;
}

/** The document changed (any source); splices apply in order, each against the result of the previous one. */
export interface GridUpdate {
  type: 'update';
  version: number;
  splices: TextSplice[];
  /** Length of the text after the splices, so the grid can detect drift and ask for `requestText`. */
  length: number;
  /** A change can make the file unparseable (or parseable again). */
  readOnly: boolean;
  notice: GridNotice | null;
}

/** Full text, in answer to `requestText` or after a change too large to splice. */
export interface GridText {
  type: 'text';
  version: number;
  text: string;
  readOnly: boolean;
  notice: GridNotice | null;
}

/** Select and scroll to a cell (Problems panel click, `fundLedger.revealCell`). */
export interface GridReveal {
  type: 'reveal';
  row: number;
  col: number;
}

/**
 * Select whole file rows (`fundLedger.revealRows`, the chart's drill-down): sorted, distinct, each
 * below the row count. The selection is one rectangle, so only a contiguous run is selected whole;
 * otherwise the first row is.
 */
export interface GridRevealRows {
  type: 'revealRows';
  rows: number[];
}

/** The display unit setting or toolbar switch changed. */
export interface GridDisplayUnit {
  type: 'displayUnit';
  unit: GridUnitChoice;
}

/** Current validation problems located in cells (replaces the previous set). */
export interface GridProblems {
  type: 'problems';
  problems: CellProblem[];
}

/** Open the find box (command / keybinding forwarded from the extension). */
export interface GridFind {
  type: 'find';
}

export type GridToWebview =
  | GridInit
  | GridUpdate
  | GridText
  | GridReveal
  | GridRevealRows
  | GridDisplayUnit
  | GridProblems
  | GridFind;

/** Grid → extension. Every one is validated by src/extension/messageValidation.ts first. */
export type GridFromWebview =
  /** The webview has loaded its script and wants `init`. */
  | { type: 'ready' }
  /** Write one cell (typing, F2, formula bar). */
  | { type: 'editCell'; row: number; col: number; value: string }
  /** Write several cells as one undo step (paste, fill down, Delete on a range). */
  | { type: 'editCells'; cells: CellWrite[] }
  /** Insert `count` empty rows before file row `before` (1 ≤ before ≤ rowCount). */
  | { type: 'insertRows'; before: number; count: number }
  /** Delete `count` rows starting at file row `first` (≥ 1: the header cannot be deleted). */
  | { type: 'deleteRows'; first: number; count: number }
  /** Run VS Code's undo / redo on the document. */
  | { type: 'undo' }
  | { type: 'redo' }
  /** Reopen the file in the plain text editor. */
  | { type: 'openAsText' }
  /** The grid's copy drifted (length mismatch): send the whole text. */
  | { type: 'requestText' }
  /** Selection changed: drives the status bar. `sum` is the exact selection sum in fen as a decimal string, or null. */
  | {
      type: 'selection';
      row: number;
      col: number;
      count: number;
      numericCount: number;
      sumFen: string | null;
    }
  /** The toolbar switched the display unit. */
  | { type: 'setDisplayUnit'; unit: GridUnitChoice };

// ---------------------------------------------------------------------------------------------
// Allocation vs targets chart (src/extension/allocationPanel*.ts <-> src/webview/chart)
// The extension runs the core's targets aggregation and sends the result; the webview only lays it
// out and formats it with the core's formatAmount. Money crosses as decimal fen strings (JSON has
// no bigint, and floats would lose fen).
// ---------------------------------------------------------------------------------------------

/** Exact amount in fen as a decimal integer string, e.g. `"432000000"` for 432万元. */
export type FenString = string;

export type ChartStatus = 'no-target' | 'under' | 'within' | 'over';
export type ChartMeasure = 'raised' | 'allocated' | 'spent';
/** The chart's unit: one unit for every bar, or each bar in the unit its target declares. */
export type ChartUnitChoice = DisplayUnit | 'asDeclared';
/** How each fund's bar is split into sub-rows. */
export type ChartDrill = 'none' | 'category' | 'year' | 'quarter';
/** The active ledger only, or every `*.ledger.csv` in the workspace. */
export type ChartScopeKind = 'file' | 'workspace';

/** Straight-line pace of a target with a period (TargetPace from src/core/ledger/targets.ts). */
export interface ChartPace {
  start: string;
  end: string;
  asOf: string;
  expected: FenString;
  actualToDate: FenString;
  behind: boolean;
  projectedCompletion: string | null;
  reachedOn: string | null;
  cumulative: { date: string; total: FenString }[];
}

/** One drill-down sub-row of a bar (a category, a year or a quarter). */
export interface ChartPart {
  /** Stable within its bar and drill mode, so the chosen rows survive updates. */
  key: string;
  label: string;
  actual: FenString;
  targetMin: FenString | null;
  targetMax: FenString | null;
  status: ChartStatus;
  rowCount: number;
}

/** One fund (or fund/category) against one target: a TargetProgress made serialisable. */
export interface ChartBar {
  /** Stable across edits (file, fund, category, measure, period), used to diff the SVG and to reveal rows. */
  key: string;
  /** Workspace-relative path of the ledger, shown when the scope is the workspace. */
  file: string;
  fund: string;
  category: string | null;
  measure: ChartMeasure;
  period: { text: string; start: string; end: string } | null;
  targetMin: FenString | null;
  targetMax: FenString | null;
  actual: FenString;
  remaining: FenString;
  /** actual / min as computed by the core (display only). */
  share: number | null;
  status: ChartStatus;
  rowCount: number;
  /** The core's display unit for this target (its amount cell's unit), used with `asDeclared`. */
  unit: DisplayUnit;
  pace: ChartPace | null;
  breakdown: Record<Exclude<ChartDrill, 'none'>, ChartPart[]>;
}

export interface ChartModel {
  /** File name or workspace name, for the heading. */
  title: string;
  asOf: string;
  bars: ChartBar[];
  /** Ledgers that could not be read or parsed, with a localised reason (shown as text). */
  skipped: { file: string; reason: string }[];
}

export type ChartToWebview =
  /** Answer to `chartReady`: everything the panel needs. */
  | {
      type: 'chartInit';
      strings: Record<string, string>;
      language: 'zh' | 'en';
      unit: ChartUnitChoice;
      scope: ChartScopeKind;
      /** URI of the ledger in file scope, kept in webview state for the panel serializer. */
      uri: string | null;
      model: ChartModel;
    }
  /** New aggregation after an edit, a save or a scope change. */
  | { type: 'chartModel'; scope: ChartScopeKind; uri: string | null; model: ChartModel }
  /** The shared `fundLedger.displayUnit` setting changed. */
  | { type: 'chartUnit'; unit: ChartUnitChoice }
  /** A slow update is running (localised "Computing…"), or it failed (null); a model ends it too. */
  | { type: 'chartBusy'; text: string | null };

export type ChartFromWebview =
  /** The chart script loaded and wants `chartInit`. */
  | { type: 'chartReady' }
  /** The unit switch was used: the extension writes the shared setting. */
  | { type: 'chartSetUnit'; unit: ChartUnitChoice }
  | { type: 'chartSetScope'; scope: ChartScopeKind }
  /** A bar, sub-row or table row was clicked: open the grid with its rows selected. */
  | { type: 'chartReveal'; key: string; part: string | null; drill: ChartDrill }
  /** Save an export; `data` is SVG or CSV text, or base64 PNG bytes. */
  | { type: 'chartSave'; format: 'svg' | 'png' | 'csv'; data: string };

// ---------------------------------------------------------------------------------------------
// Ledger diff view (src/extension/compareView.ts <-> src/webview/diff) and conflict resolution
// (src/extension/mergeConflicts.ts <-> src/webview/merge). Both are read-mostly: the extension
// computes everything in src/core; the webviews render text and send back choices.
// ---------------------------------------------------------------------------------------------

/** One changed cell of a diffed row; `newCol` indexes `DiffViewModel.header`. */
export interface DiffViewCell {
  newCol: number;
  old: string;
  new: string;
}

/** One differing row; rows are 0-based file rows (row 0 is the header). */
export interface DiffViewRow {
  kind: 'changed' | 'added' | 'removed' | 'moved';
  oldRow: number | null;
  newRow: number | null;
  id: string;
  moved: boolean;
  /** New values (old ones for a removed row, laid out in the new header's columns). */
  values: string[];
  cells: DiffViewCell[];
}

export interface DiffViewModel {
  oldName: string;
  newName: string;
  matchedBy: 'id' | 'content';
  header: string[];
  /** Column changes as display lines, e.g. `renamed: 金额 → 金额(万元)`. */
  columns: string[];
  rows: DiffViewRow[];
  /** Rows left out of `rows` to keep the view responsive (the summary still counts them). */
  omittedRows: number;
  summary: {
    changed: number;
    added: number;
    removed: number;
    moved: number;
    unchanged: number;
    cells: number;
  };
  /** Fund-total and target-status changes, one localised line each. */
  funds: string[];
}

export type DiffToWebview = { type: 'diffInit'; language: 'zh' | 'en'; model: DiffViewModel };

export type DiffFromWebview =
  /** The diff script loaded and wants `diffInit`. */
  | { type: 'diffReady' }
  /** A row was clicked: open the ledger in the grid at this 0-based file row of the new version. */
  | { type: 'diffReveal'; row: number };

/** One conflict cell of a merged ledger; `rowDeletedBy` marks a delete/edit conflict. */
export interface ConflictView {
  row: number;
  col: number;
  id: string;
  column: string;
  ours: string;
  base: string;
  theirs: string;
  rowDeletedBy: 'ours' | 'theirs' | null;
}

export type MergeToWebview = {
  type: 'mergeConflicts';
  language: 'zh' | 'en';
  file: string;
  conflicts: ConflictView[];
};

export type MergeFromWebview =
  /** The view loaded and wants `mergeConflicts`. */
  | { type: 'mergeReady' }
  /** Write these choices to the document; `deleteRow` resolves a delete/edit conflict by deleting. */
  | {
      type: 'mergeResolve';
      choices: { row: number; col: number; value: string; deleteRow: boolean }[];
    };

/** Messages the extension sends to a webview. */
export type ToWebview = GridToWebview | ChartToWebview | DiffToWebview | MergeToWebview;

/** Messages a webview sends to the extension. Validate before acting on one. */
export type FromWebview = GridFromWebview | ChartFromWebview | DiffFromWebview | MergeFromWebview;
