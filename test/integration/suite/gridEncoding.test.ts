// GB18030 ledgers in the grid (issue #7): either a byte-exact round trip through an edit of another
// cell, or read-only with a clear warning before anything changes. VS Code decodes the file with
// `files.encoding`, so each case is run with the setting a user would have.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import * as vscode from 'vscode';
import { closeAll, ledgerApi, openGrid, writeLedger } from './gridHelpers';

const LEDGER =
  '编号,资金,类型,金额,备注\r\nE1,义务教育经费,拨付,300.00,第一批\r\nE2,义务教育经费,支出,120.50,设备\r\n';

async function setEncoding(value: string | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('files')
    .update('encoding', value, vscode.ConfigurationTarget.Global);
}

describe('grid: GB18030 ledgers', () => {
  afterEach(async () => {
    await closeAll();
    await setEncoding(undefined);
  });

  it('edits a GB18030 ledger with only the edited cell’s bytes changed (files.encoding gb18030)', async () => {
    await setEncoding('gb18030');
    const bytes = iconv.encode(LEDGER, 'gb18030');
    const uri = await writeLedger(bytes);
    const doc = await openGrid(uri);
    assert.equal(doc.getText(), LEDGER, 'VS Code decoded the file as GB18030');
    const api = await ledgerApi();
    assert.equal(await api.gridNotice(uri), null);
    assert.equal(await api.editCell(uri, 2, 3, '99.00'), true);
    assert.equal(await doc.save(), true);
    const expected = iconv.encode(LEDGER.replace('120.50', '99.00'), 'gb18030');
    assert.deepEqual(new Uint8Array(await fs.readFile(uri.fsPath)), new Uint8Array(expected));
  });

  it('opens read-only with a warning when its bytes would not survive a save, and never writes', async () => {
    await setEncoding('gb18030');
    // A3 A0 decodes to U+3000 (ideographic space), which encodes back as A1 A1.
    const bytes = iconv.encode(LEDGER.replace('设备', '设备X'), 'gb18030');
    const at = bytes.indexOf(0x58); // the X
    const raw = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from([0xa3, 0xa0]),
      bytes.subarray(at + 1),
    ]);
    const uri = await writeLedger(raw);
    const doc = await openGrid(uri);
    assert.ok(doc.getText().includes('设备\u3000'), 'VS Code decoded the file as GB18030');
    const api = await ledgerApi();
    const notice = await api.gridNotice(uri);
    assert.equal(notice?.kind, 'encoding');
    assert.match(notice.message, /would not be written back the same way/);
    assert.equal(await api.editCell(uri, 1, 3, '1.00'), false, 'the edit is refused');
    assert.equal(
      await api.postGridMessage(uri, { type: 'insertRows', before: 1, count: 1 }),
      false,
    );
    assert.equal(
      await vscode.commands.executeCommand('fundLedger.sortFileBy', uri, {
        col: 0,
        descending: true,
      }),
      false,
    );
    assert.equal(doc.isDirty, false);
    assert.deepEqual(new Uint8Array(await fs.readFile(uri.fsPath)), new Uint8Array(raw));
  });

  it('opens read-only when VS Code read a GB18030 ledger as UTF-8 (the default files.encoding)', async () => {
    const bytes = iconv.encode(LEDGER, 'gb18030');
    const uri = await writeLedger(bytes);
    const doc = await openGrid(uri);
    assert.ok(doc.getText().includes('\uFFFD'), 'VS Code decoded it as UTF-8');
    const api = await ledgerApi();
    const notice = await api.gridNotice(uri);
    assert.equal(notice?.kind, 'encoding');
    assert.match(notice.message, /files\.encoding/);
    assert.equal(await api.editCell(uri, 1, 3, '1.00'), false);
    assert.equal(doc.isDirty, false);
    assert.deepEqual(new Uint8Array(await fs.readFile(uri.fsPath)), new Uint8Array(bytes));
  });
});
