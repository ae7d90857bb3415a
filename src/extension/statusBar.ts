// Status bar while a grid is active: count and exact sum of the selection, and the allocation of the
// selected row's fund against its target.
import * as vscode from 'vscode';
import { formatAmount } from '../core/money/format';
import { resolveSchema } from '../core/ledger/schema';
import type { TargetProgress } from '../core/ledger/targets';
import type { GridFromWebview } from '../shared/protocol';
import { SHOW_ALLOCATION_COMMAND } from './allocationPanel';
import { gridUnitSetting } from './displayUnit';
import { tableFor } from './documentTables';

type SelectionMessage = Extract<GridFromWebview, { type: 'selection' }>;

const MEASURE_LABEL: Record<TargetProgress['measure'], () => string> = {
  allocated: () => vscode.l10n.t('allocated'),
  raised: () => vscode.l10n.t('raised'),
  spent: () => vscode.l10n.t('spent'),
};

export class GridStatusBar implements vscode.Disposable {
  private readonly selection = vscode.window.createStatusBarItem(
    'fundLedger.selection',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly fund = vscode.window.createStatusBarItem(
    'fundLedger.fund',
    vscode.StatusBarAlignment.Right,
    99,
  );

  constructor() {
    this.selection.name = vscode.l10n.t('Fund Ledger: Selection');
    this.fund.name = vscode.l10n.t('Fund Ledger: Fund against target');
  }

  dispose(): void {
    this.selection.dispose();
    this.fund.dispose();
  }

  hide(): void {
    this.selection.hide();
    this.fund.hide();
  }

  show(doc: vscode.TextDocument, m: SelectionMessage, targets: readonly TargetProgress[]): void {
    const choice = gridUnitSetting();
    const unit = choice === 'asDeclared' ? '元' : choice;
    const parts = [vscode.l10n.t('Count: {0}', m.count)];
    if (m.sumFen !== null) {
      parts.push(vscode.l10n.t('Sum: {0} {1}', formatAmount(BigInt(m.sumFen), unit), unit));
    }
    this.selection.text = parts.join('  ');
    this.selection.tooltip = vscode.l10n.t(
      '{0} numeric cell(s) in the selection; the sum is exact to the fen.',
      m.numericCount,
    );
    this.selection.show();

    const progress = this.progressFor(doc, m.row, targets);
    if (!progress?.target) {
      this.fund.hide();
      return;
    }
    const shown = choice === 'asDeclared' ? progress.unit : choice;
    const share = progress.share === undefined ? '' : ` (${(progress.share * 100).toFixed(1)}%)`;
    const name = progress.category ? `${progress.fund} · ${progress.category}` : progress.fund;
    this.fund.text = `$(target) ${name}: ${MEASURE_LABEL[progress.measure]()} ${formatAmount(progress.actual, shown)} / ${formatAmount(progress.target.min, shown)} ${shown}${share}`;
    this.fund.command = {
      title: vscode.l10n.t('Show Allocation vs Targets'),
      command: SHOW_ALLOCATION_COMMAND,
      arguments: [doc.uri],
    };
    this.fund.tooltip = vscode.l10n.t(
      'Remaining to the target: {0} {1}',
      formatAmount(progress.remaining, shown),
      shown,
    );
    this.fund.show();
  }

  /** The target covering the row's fund (and category when a category target exists). */
  private progressFor(
    doc: vscode.TextDocument,
    row: number,
    targets: readonly TargetProgress[],
  ): TargetProgress | undefined {
    if (row < 1 || targets.length === 0) return undefined;
    const table = tableFor(doc);
    if (row >= table.rowCount) return undefined;
    const schema = resolveSchema(table.rowValues(0));
    const fundCol = schema.columns.get('fund');
    if (fundCol === undefined) return undefined;
    const fund = table.cellValue(row, fundCol).trim();
    const catCol = schema.columns.get('category');
    const category = catCol === undefined ? '' : table.cellValue(row, catCol).trim();
    const ofFund = targets.filter((t) => t.fund === fund && t.target);
    return (
      ofFund.find((t) => t.category === category && t.measure === 'allocated') ??
      ofFund.find((t) => t.category === undefined && t.measure === 'allocated') ??
      ofFund.find((t) => t.category === category) ??
      ofFund[0]
    );
  }
}
