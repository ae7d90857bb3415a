// The test seam returned by activate(): thin calls into the same handlers the webviews use.
import type * as vscode from 'vscode';
import type { ChartModel, GridNotice } from '../shared/protocol';
import { AllocationPanel } from './allocationPanel';
import type { LedgerEditorProvider } from './ledgerEditorProvider';

export interface FundLedgerApi {
  /** Applies a cell edit to the open ledger exactly as a webview `editCell` message would; resolves false if rejected. */
  editCell(uri: vscode.Uri, row: number, col: number, value: string): Promise<boolean>;
  /** Delivers an arbitrary (possibly forged) message to the open grid's handler, as if its webview had posted it. */
  postGridMessage(uri: vscode.Uri, message: unknown): Promise<boolean>;
  /** The open grid's last reported selection (file row of the active cell, cell count), or undefined. */
  gridSelection(uri: vscode.Uri): { row: number; col: number; count: number } | undefined;
  /** Why the open grid is read-only (the notice its webview shows), or null when it may edit. */
  gridNotice(uri: vscode.Uri): Promise<GridNotice | null | undefined>;
  /** The allocation chart's model as last sent to its webview (after pending refreshes), or undefined without a chart. */
  allocationModel(): Promise<ChartModel | undefined>;
  /** Delivers an arbitrary (possibly forged) message to the allocation chart's handler. */
  postChartMessage(message: unknown): Promise<boolean>;
  /** Makes the chart's next export write to `uri` instead of asking with a save dialog (tests cannot answer dialogs). */
  setChartSaveTarget(uri: vscode.Uri | undefined): void;
  /** Whether the chart's analyses run in the worker, and how each ledger of the last model got current. */
  chartAnalysis(): { inWorker: boolean; modes: string[] } | undefined;
}

export function createApi(grids: LedgerEditorProvider): FundLedgerApi {
  const deliver = (uri: vscode.Uri, message: unknown): Promise<boolean> => {
    const session = grids.sessionsFor(uri)[0];
    return session ? session.receive(message) : Promise.resolve(false);
  };
  return {
    editCell: (uri, row, col, value) => deliver(uri, { type: 'editCell', row, col, value }),
    postGridMessage: deliver,
    gridSelection: (uri) => {
      const last = grids.sessionsFor(uri)[0]?.lastSelection;
      return last && { row: last.row, col: last.col, count: last.count };
    },
    gridNotice: async (uri) => grids.sessionsFor(uri)[0]?.notice(),
    allocationModel: async () => {
      await AllocationPanel.current?.idle();
      return AllocationPanel.current?.lastModel;
    },
    postChartMessage: (message) =>
      AllocationPanel.current?.receive(message) ?? Promise.resolve(false),
    setChartSaveTarget: (uri) => AllocationPanel.setSaveTarget(uri),
    chartAnalysis: () => AllocationPanel.current?.analysis(),
  };
}
