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

/** Why the grid is read-only, shown as a banner. */
export interface GridNotice {
  kind: 'parse-error' | 'restricted' | 'too-large' | 'unsupported-scheme';
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
  displayUnit: DisplayUnit;
  /** Localised UI strings keyed by English source text (vscode.l10n.t results). */
  strings: Record<string, string>;
  /** `zh` or `en`, for Bilingual messages computed inside the webview. */
  language: 'zh' | 'en';
}

/** The document changed (any source); splices apply in order, each against the result of the previous one. */
export interface GridUpdate {
  type: 'update';
  version: number;
  splices: TextSplice[];
  /** Length of the text after the splices, so the grid can detect drift and ask for `requestText`. */
  length: number;
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

/** The display unit setting or toolbar switch changed. */
export interface GridDisplayUnit {
  type: 'displayUnit';
  unit: DisplayUnit;
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
  GridInit | GridUpdate | GridText | GridReveal | GridDisplayUnit | GridProblems | GridFind;

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
  | { type: 'setDisplayUnit'; unit: DisplayUnit };

/** Messages the extension sends to a webview. */
export type ToWebview = GridToWebview;

/** Messages a webview sends to the extension. Validate before acting on one. */
export type FromWebview = GridFromWebview;
