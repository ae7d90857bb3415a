// The pipe end to end, in a real VS Code: open a ledger in the custom editor, edit a cell through the same
// handler the webview uses, save, and compare the bytes on disk with what only that cell's change gives.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { FundLedgerApi } from '../../../src/extension/api';

const ledgerLines = [
  '编号,日期,资金,类别,类型,摘要,金额(万元),备注',
  'T1,2025-01-01,义务教育经费,公用经费,目标,全年公用经费目标,1200.00,',
  'E1,2025-02-15,义务教育经费,公用经费,拨付,第一批拨付,300.00,"含城区、乡镇学校"',
  'E2,2025-03-10,义务教育经费,公用经费,支出,教学设备采购,120.50,',
];

let counter = 0;

/** A new ledger file in the test workspace, so each test starts from known bytes and no open editor. */
async function freshLedger(text: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  const uri = vscode.Uri.joinPath(folder.uri, `foundation-${++counter}.ledger.csv`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

async function api(): Promise<FundLedgerApi> {
  const extension = vscode.extensions.getExtension<FundLedgerApi>('fund-ledger.fund-ledger');
  assert.ok(extension, 'the extension under development is loaded');
  return extension.activate();
}

function openDocument(uri: vscode.Uri): vscode.TextDocument {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  assert.ok(doc, `${uri.fsPath} is open`);
  return doc;
}

describe('foundation: ledger custom editor in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a *.ledger.csv with the grid editor', async () => {
    const uri = await freshLedger(ledgerLines.join('\n') + '\n');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'fundLedger.grid');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom, 'the active tab is a custom editor');
    assert.equal(tab.input.viewType, 'fundLedger.grid');
    assert.equal(tab.input.uri.toString(), uri.toString());
  });

  it('saves a cell edit by changing only that cell’s bytes', async () => {
    const original = ledgerLines.join('\r\n') + '\r\n';
    const uri = await freshLedger(original);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'fundLedger.grid');

    assert.equal(await (await api()).editCell(uri, 3, 6, '98.40'), true);
    const doc = openDocument(uri);
    assert.equal(doc.isDirty, true, 'the edit makes the document dirty');
    assert.equal(await doc.save(), true);

    const expected = original.replace(',120.50,', ',98.40,');
    assert.notEqual(expected, original);
    assert.deepEqual(fs.readFileSync(uri.fsPath), Buffer.from(expected, 'utf8'));
  });

  it('quotes a value that needs it and keeps the other quoted cells as they were', async () => {
    const original = ledgerLines.join('\n') + '\n';
    const uri = await freshLedger(original);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'fundLedger.grid');

    assert.equal(await (await api()).editCell(uri, 1, 7, '含"专项",另行拨付'), true);
    assert.equal(await openDocument(uri).save(), true);

    const lines = [...ledgerLines];
    lines[1] =
      'T1,2025-01-01,义务教育经费,公用经费,目标,全年公用经费目标,1200.00,"含""专项"",另行拨付"';
    assert.deepEqual(fs.readFileSync(uri.fsPath), Buffer.from(lines.join('\n') + '\n', 'utf8'));
  });

  it('rejects an edit to a row that does not exist and leaves the document untouched', async () => {
    const original = ledgerLines.join('\n') + '\n';
    const uri = await freshLedger(original);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'fundLedger.grid');

    assert.equal(await (await api()).editCell(uri, -1, 0, 'X'), false);
    const doc = openDocument(uri);
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), original);
  });
});
