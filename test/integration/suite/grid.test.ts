// The ledger grid in a real VS Code: edits go through the provider's message handler (FundLedgerApi),
// become minimal WorkspaceEdits, and VS Code owns undo, redo, dirty state and save.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import {
  bytesOnDisk,
  closeAll,
  ledgerApi,
  openGrid,
  whenDocument,
  writeLedger,
} from './gridHelpers';

const LEDGER =
  '编号,日期,资金,类型,摘要,金额\r\n' +
  'R1,2025-01-05,义务教育公用经费,拨付,"一季度,拨付",1200.00\r\n' +
  'R2,2025-02-10,义务教育公用经费,支出,购置教具,300.50\r\n';

describe('grid: editing through the provider', () => {
  afterEach(closeAll);

  it('changes only the edited cell’s bytes, and saves them exactly', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    assert.equal(await api.editCell(uri, 2, 5, '310.00'), true);
    const expected = LEDGER.replace('300.50', '310.00');
    assert.equal(doc.getText(), expected);
    assert.equal(doc.isDirty, true);
    assert.equal(await doc.save(), true);
    assert.equal(await bytesOnDisk(uri), expected);
  });

  it('quotes a value only when it needs it and keeps CRLF', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    assert.equal(await api.editCell(uri, 2, 4, '教具, "A" 型'), true);
    assert.equal(doc.getText(), LEDGER.replace('购置教具', '"教具, ""A"" 型"'));
  });

  it('undo and redo run on the document', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    await api.editCell(uri, 1, 4, '改');
    assert.equal(doc.getText(), LEDGER.replace('"一季度,拨付"', '改'));
    await vscode.commands.executeCommand('undo');
    await whenDocument(doc, () => doc.getText() === LEDGER);
    assert.equal(doc.isDirty, false);
    await vscode.commands.executeCommand('redo');
    await whenDocument(doc, () => doc.getText() !== LEDGER);
    assert.equal(doc.getText(), LEDGER.replace('"一季度,拨付"', '改'));
  });

  it('a write past a short row extends only that row; a write past the end appends a row', async () => {
    const api = await ledgerApi();
    const text = 'a,b,c\n1\n';
    const uri = await writeLedger(text);
    const doc = await openGrid(uri);
    assert.equal(await api.editCell(uri, 1, 2, 'x'), true);
    assert.equal(doc.getText(), 'a,b,c\n1,,x\n');
    assert.equal(await api.editCell(uri, 3, 1, 'y'), true);
    assert.equal(doc.getText(), 'a,b,c\n1,,x\n\n,y\n');
  });

  it('a text edit and a grid edit on the same document compose', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.positionAt(LEDGER.indexOf('R2')), 'R9,2025-03-01,x,支出,y,1.00\r\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    // Row 2 is now the inserted row: the grid's next edit must see the text editor's change.
    assert.equal(await api.editCell(uri, 2, 5, '2.00'), true);
    assert.match(doc.getText(), /R9,2025-03-01,x,支出,y,2\.00\r\nR2,/);
  });

  it('an external change on disk reaches the grid’s document', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    const changed = LEDGER.replace('300.50', '999.00');
    await fs.writeFile(uri.fsPath, changed);
    await whenDocument(doc, () => doc.getText() === changed);
    assert.equal(await api.editCell(uri, 1, 5, '1.00'), true);
    assert.equal(doc.getText(), changed.replace('1200.00', '1.00'));
  });

  it('works through "Open With…" on any .csv', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger('x,y\n1,2\n', '.csv');
    const doc = await openGrid(uri, 'fundLedger.gridAnyCsv');
    assert.equal(await api.editCell(uri, 1, 1, '3'), true);
    assert.equal(doc.getText(), 'x,y\n1,3\n');
  });
});

describe('grid: unparseable and hostile input', () => {
  afterEach(closeAll);

  it('an unclosed quote opens read-only and the file is never rewritten', async () => {
    const api = await ledgerApi();
    const broken = 'a,b\n1,"unclosed\n2,3\n';
    const uri = await writeLedger(broken);
    const doc = await openGrid(uri);
    assert.equal(await api.editCell(uri, 2, 1, '4'), false);
    assert.equal(doc.getText(), broken);
    assert.equal(doc.isDirty, false);
    assert.equal(await bytesOnDisk(uri), broken);
  });

  it('forged webview messages are rejected without touching the document', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    const forged: unknown[] = [
      null,
      'editCell',
      { type: 'rm -rf' },
      { type: 'editCell', row: -1, col: 0, value: 'x' },
      { type: 'editCell', row: 1.5, col: 0, value: 'x' },
      { type: 'editCell', row: 1, col: 0, value: 42 },
      { type: 'editCell', row: 1e12, col: 0, value: 'x' },
      { type: 'editCell', row: 1, col: 0, value: 'x'.repeat(2_000_000) },
      {
        type: 'editCells',
        cells: [
          { row: 1, col: 0, value: 'x' },
          { row: 1, col: '0', value: 'y' },
        ],
      },
      {
        type: 'editCells',
        cells: Array.from({ length: 300_000 }, () => ({ row: 1, col: 0, value: '' })),
      },
      { type: 'deleteRows', first: 0, count: 1 },
      { type: 'deleteRows', first: 1, count: 99 },
      { type: 'insertRows', before: 0, count: 1 },
      { type: 'setDisplayUnit', unit: '美元' },
      { type: '__proto__' },
    ];
    for (const message of forged) {
      assert.equal(
        await api.postGridMessage(uri, message),
        false,
        JSON.stringify(message)?.slice(0, 80),
      );
    }
    assert.equal(doc.getText(), LEDGER);
    assert.equal(doc.isDirty, false);
  });

  it('hostile cell text is written as data, byte for byte', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    const hostile = '<img src=x onerror=alert(1)>';
    assert.equal(await api.editCell(uri, 1, 4, hostile), true);
    assert.equal(doc.getText(), LEDGER.replace('"一季度,拨付"', hostile));
  });
});
