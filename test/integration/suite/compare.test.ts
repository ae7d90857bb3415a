// Compare with HEAD and conflict resolution in a real VS Code: a git repository is created inside
// the test workspace, the commands run as a user would run them, and the results are checked.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConflictView, DiffViewModel } from '../../../src/shared/protocol';
import { applyConflictChoices } from '../../../src/extension/mergeConflicts';
import { closeAll, ledgerApi, openGrid, whenDocument } from './gridHelpers';

const LEDGER =
  '编号,资金,类型,金额,备注\n' +
  'T1,FD-PAIRED,目标,4320000.00,\n' +
  'A1,FD-PAIRED,拨付,4000000.00,\n' +
  'A2,FD-PAIRED,拨付,320000.00,"<img src=x onerror=alert(1)>"\n';

let counter = 0;

/** Resolves once a tab matching `predicate` is open (the panel's tab appears asynchronously). */
function whenTab(predicate: (tab: vscode.Tab) => boolean): Promise<void> {
  const open = (): boolean => vscode.window.tabGroups.all.some((g) => g.tabs.some(predicate));
  if (open()) return Promise.resolve();
  return new Promise((resolve) => {
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (open()) {
        sub.dispose();
        resolve();
      }
    });
  });
}

/** A fresh repository under the workspace with one committed ledger; returns the ledger's URI. */
function repoWithLedger(text: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the test workspace is open');
  const dir = path.join(root, `compare-${process.pid}-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  const git = (...args: string[]): void => {
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'T',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 'T',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });
  };
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  fs.writeFileSync(path.join(dir, 'funds.ledger.csv'), text);
  git('add', 'funds.ledger.csv');
  git('commit', '-q', '-m', 'base');
  return vscode.Uri.file(path.join(dir, 'funds.ledger.csv'));
}

describe('Compare with HEAD (real git, real VS Code)', () => {
  afterEach(closeAll);

  it('shows changed cells, added rows and the fund-total delta against HEAD', async () => {
    const uri = repoWithLedger(LEDGER);
    fs.writeFileSync(
      uri.fsPath,
      LEDGER.replace('拨付,320000.00', '拨付,620000.00') + 'A3,FD-PAIRED,拨付,1.00,new\n',
    );
    const model = await vscode.commands.executeCommand<DiffViewModel | undefined>(
      'fundLedger.compareWithHead',
      uri,
    );
    assert.ok(model, 'the command returned the diff it shows');
    assert.equal(model.matchedBy, 'id');
    assert.deepEqual(
      model.rows.map((r) => [r.kind, r.id]),
      [
        ['changed', 'A2'],
        ['added', 'A3'],
      ],
    );
    assert.deepEqual(model.rows[0]?.cells, [{ newCol: 3, old: '320000.00', new: '620000.00' }]);
    assert.equal(model.rows[0]?.values[4], '<img src=x onerror=alert(1)>', 'hostile text is data');
    assert.ok(
      model.funds.some((f) =>
        f.includes('4,320,000.00 → 4,620,001.00 (+300,001.00), now over its 4,320,000.00 target'),
      ),
      model.funds.join('\n'),
    );
    await whenTab(
      (t) => t.input instanceof vscode.TabInputWebview && t.label === 'funds.ledger.csv ↔ HEAD',
    );
  });

  it('includes unsaved edits made in the grid', async () => {
    const uri = repoWithLedger(LEDGER);
    const api = await ledgerApi();
    const doc = await openGrid(uri);
    assert.equal(await api.editCell(uri, 2, 4, 'checked'), true);
    assert.equal(doc.isDirty, true);
    const model = await vscode.commands.executeCommand<DiffViewModel | undefined>(
      'fundLedger.compareWithHead',
      uri,
    );
    assert.deepEqual(
      model?.rows.map((r) => [r.id, r.cells.map((c) => c.new)]),
      [['A1', ['checked']]],
    );
  });
});

describe('Resolve Ledger Conflicts', () => {
  afterEach(closeAll);

  it('lists conflict cells and writes the chosen values through the document', async () => {
    const merged =
      '编号,资金,类型,金额,备注\n' +
      'A1,F,拨付,<<<<<<< ours: 250.00 ||||||| base: 200.00 ======= theirs: 260.00 >>>>>>>,x\n' +
      'A2,F,拨付,1.00,"<<<<<<< ours: a ||||||| base:  ======= theirs: b, c >>>>>>>"\n';
    const uri = repoWithLedger(merged);
    const conflicts = await vscode.commands.executeCommand<ConflictView[] | undefined>(
      'fundLedger.resolveConflicts',
      uri,
    );
    assert.deepEqual(
      conflicts?.map((c) => [c.row, c.col, c.id, c.ours, c.theirs]),
      [
        [1, 3, 'A1', '250.00', '260.00'],
        [2, 4, 'A2', 'a', 'b, c'],
      ],
    );
    const doc = await vscode.workspace.openTextDocument(uri);
    const applied = await applyConflictChoices(doc, [
      { row: 1, col: 3, value: '260.00', deleteRow: false },
      { row: 2, col: 4, value: 'b, c', deleteRow: false },
    ]);
    assert.equal(applied, 2);
    await whenDocument(doc, () => !doc.getText().includes('<<<<<<<'));
    assert.equal(
      doc.getText(),
      '编号,资金,类型,金额,备注\nA1,F,拨付,260.00,x\nA2,F,拨付,1.00,"b, c"\n',
    );
    assert.equal(doc.isDirty, true, 'the user saves; VS Code owns undo and save');
  });
});
