// Live diagnostics: the core's validator (the same checks as `fund-ledger validate`) runs on ledger
// documents shortly after each change and fills the Problems panel. Problems in a cell link to the
// grid through the `fundLedger.revealCell` command; open grids also mark those cells.
import * as vscode from 'vscode';
import { pickLanguage, type Diagnostic as LedgerDiagnostic } from '../core/diagnostics';
import type { TargetProgress } from '../core/ledger/targets';
import { analyzeLedger } from '../core/ledger/validate';
import type { CellProblem } from '../shared/protocol';

export const REVEAL_CELL_COMMAND = 'fundLedger.revealCell';
/** Cell markers sent to a grid; more than this is noise, and the Problems panel has them all. */
const MAX_CELL_PROBLEMS = 5000;

const SEVERITY: Record<LedgerDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function isLedgerUri(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.ledger.csv');
}

export function toVscodeDiagnostic(uri: vscode.Uri, d: LedgerDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(
    Math.max(0, d.line - 1),
    Math.max(0, d.column - 1),
    Math.max(0, d.endLine - 1),
    Math.max(0, d.endColumn - 1),
  );
  const out = new vscode.Diagnostic(
    range,
    pickLanguage(d.message, vscode.env.language),
    SEVERITY[d.severity],
  );
  out.source = 'Fund Ledger';
  if (d.row !== undefined && d.col !== undefined) {
    const args = encodeURIComponent(JSON.stringify([uri.toString(), d.row, d.col]));
    out.code = {
      value: d.code,
      target: vscode.Uri.parse(`command:${REVEAL_CELL_COMMAND}?${args}`),
    };
  } else {
    out.code = d.code;
  }
  return out;
}

export function cellProblems(diagnostics: readonly LedgerDiagnostic[]): CellProblem[] {
  const out: CellProblem[] = [];
  for (const d of diagnostics) {
    if (d.row === undefined || d.col === undefined) continue;
    out.push({
      row: d.row,
      col: d.col,
      severity: d.severity,
      message: pickLanguage(d.message, vscode.env.language),
    });
    if (out.length >= MAX_CELL_PROBLEMS) break;
  }
  return out;
}

export class LiveDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('fundLedger');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** Latest cell problems per document URI, for grids that open later. */
  private readonly problems = new Map<string, CellProblem[]>();

  constructor(
    /** Whether a document is a ledger (by name, or because a grid has it open). */
    private readonly isLedger: (doc: vscode.TextDocument) => boolean,
    private readonly onProblems: (uri: vscode.Uri, problems: CellProblem[]) => void,
  ) {
    this.disposables.push(
      // Debounced like a change, not at once: a grid opening this document should get its text
      // before the extension host spends a second or more validating a 100k-row ledger.
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.cancel(doc.uri)),
    );
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  problemsFor(uri: vscode.Uri): CellProblem[] {
    return this.problems.get(uri.toString()) ?? [];
  }

  /** Debounced: bigger files wait a little longer, so typing in a 50 MB ledger stays smooth. */
  schedule(doc: vscode.TextDocument, delay?: number): void {
    if (!this.isLedger(doc)) return;
    const key = doc.uri.toString();
    this.cancel(doc.uri);
    const base = vscode.workspace
      .getConfiguration('fundLedger')
      .get<number>('diagnosticsDelay', 400);
    const wait = delay ?? base + Math.floor(doc.getText().length / 20_000);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed) this.check(doc);
      }, wait),
    );
  }

  /** Validates now and publishes; returns the core's diagnostics. */
  check(doc: vscode.TextDocument): LedgerDiagnostic[] {
    const result = analyzeLedger(vscode.workspace.asRelativePath(doc.uri), doc.getText());
    this.targets.set(doc.uri.toString(), result.targets);
    this.publish(doc.uri, result.diagnostics);
    return result.diagnostics;
  }

  /** Allocation against targets from the last check of this document (for the status bar). */
  targetsFor(uri: vscode.Uri): readonly TargetProgress[] {
    return this.targets.get(uri.toString()) ?? [];
  }

  private readonly targets = new Map<string, readonly TargetProgress[]>();

  publish(uri: vscode.Uri, found: readonly LedgerDiagnostic[]): void {
    this.collection.set(
      uri,
      found.map((d) => toVscodeDiagnostic(uri, d)),
    );
    const problems = cellProblems(found);
    this.problems.set(uri.toString(), problems);
    this.onProblems(uri, problems);
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}
