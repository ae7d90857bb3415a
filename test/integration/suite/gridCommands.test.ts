// Grid intents beyond single cells (paste blocks, rows, sort), live diagnostics and the validate
// commands, through the same handlers the webview and the command palette use.
import * as assert from 'node:assert/strict';
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
  '编号,日期,资金,类别,类型,摘要,金额(万元),备注\n' +
  'T1,2025-01-01,义务教育经费,公用经费,目标,全年目标,1200.00,\n' +
  'E1,2025-02-15,义务教育经费,公用经费,拨付,第一批,300.00,\n' +
  'E2,2025-03-10,义务教育经费,公用经费,支出,设备,120.50,\n';

/** Polls the grid's reported selection until `predicate` holds; the test's own timeout bounds it. */
async function selectionWhere(
  uri: vscode.Uri,
  predicate: (s: { row: number; col: number; count: number }) => boolean,
): Promise<{ row: number; col: number; count: number }> {
  const api = await ledgerApi();
  for (;;) {
    const s = api.gridSelection(uri);
    if (s && predicate(s)) return s;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function diagnosticsFor(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const found = vscode.languages.getDiagnostics(uri);
      if (found.length === 0) return;
      sub.dispose();
      resolve(found);
    });
  });
}

describe('grid: blocks, rows and sorting', () => {
  afterEach(closeAll);

  it('pastes a block as one edit and one undo step', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    const ok = await api.postGridMessage(uri, {
      type: 'editCells',
      cells: [
        { row: 1, col: 7, value: 'a' },
        { row: 2, col: 7, value: 'b, "c"' },
        { row: 3, col: 8, value: 'extra' },
      ],
    });
    assert.equal(ok, true);
    const expected = LEDGER.replace('1200.00,\n', '1200.00,a\n')
      .replace('300.00,\n', '300.00,"b, ""c"""\n')
      .replace('120.50,\n', '120.50,,extra\n');
    assert.equal(doc.getText(), expected);
    await vscode.commands.executeCommand('undo');
    await whenDocument(doc, () => doc.getText() === LEDGER);
  });

  it('inserts rows with fresh stable ids and deletes rows', async () => {
    const api = await ledgerApi();
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    assert.equal(await api.postGridMessage(uri, { type: 'insertRows', before: 2, count: 2 }), true);
    const lines = doc.getText().split('\n');
    const ids = [lines[2], lines[3]].map((l) => l?.split(',')[0] ?? '');
    // Prefixed like the row they are inserted next to (E1 moves down below them).
    for (const id of ids) assert.match(id, /^E-[0-9A-HJKMNP-TV-Z]{8}$/);
    assert.notEqual(ids[0], ids[1]);
    assert.equal(lines[2]?.split(',').length, 8, 'as wide as the header');
    assert.equal(await api.postGridMessage(uri, { type: 'deleteRows', first: 2, count: 2 }), true);
    assert.equal(doc.getText(), LEDGER);
  });

  it('inserting and deleting rows moves A1 references like a spreadsheet, as one undo step', async () => {
    const api = await ledgerApi();
    const withTotal =
      LEDGER +
      'E3,2025-04-01,义务教育经费,公用经费,拨付,第二批,80.00,\n' +
      'S1,,义务教育经费,公用经费,小计,拨付小计,=SUM(G3:G5),\n';
    const uri = await writeLedger(withTotal);
    const doc = await openGrid(uri);
    // Before E2 (file row 3): inside the range, so it widens to G3:G6.
    assert.equal(await api.postGridMessage(uri, { type: 'insertRows', before: 3, count: 1 }), true);
    assert.match(doc.getText(), /,=SUM\(G3:G6\),\n$/);
    assert.equal(doc.getText().split('\n').length, withTotal.split('\n').length + 1);
    await vscode.commands.executeCommand('undo');
    await whenDocument(doc, () => doc.getText() === withTotal);
    // Deleting E1 (file row 2) shrinks it to G3:G4.
    assert.equal(await api.postGridMessage(uri, { type: 'deleteRows', first: 2, count: 1 }), true);
    assert.equal(
      doc.getText(),
      withTotal
        .replace('E1,2025-02-15,义务教育经费,公用经费,拨付,第一批,300.00,\n', '')
        .replace('=SUM(G3:G5)', '=SUM(G3:G4)'),
    );
    await vscode.commands.executeCommand('undo');
    await whenDocument(doc, () => doc.getText() === withTotal);
  });

  it('"Sort File By…" reorders rows as one edit, keeping every row’s bytes', async () => {
    const uri = await writeLedger(LEDGER);
    const doc = await openGrid(uri);
    const ok = await vscode.commands.executeCommand('fundLedger.sortFileBy', uri, {
      col: 6,
      descending: false,
    });
    assert.equal(ok, true);
    const [header, t1, e1, e2] = LEDGER.split('\n');
    assert.equal(doc.getText(), [header, e2, e1, t1, ''].join('\n'));
    await vscode.commands.executeCommand('undo');
    await whenDocument(doc, () => doc.getText() === LEDGER);
  });

  it('"Sort File By…" rewrites A1 references to the rows that moved; the saved bytes show it', async () => {
    const text =
      '编号,资金,类型,金额,备注\r\n' +
      'E3,甲,拨付,=D4*2,\r\n' +
      'E1,甲,拨付,10.10,"a, b"\r\n' +
      'E2,甲,拨付,"=D3+0.05",\r\n' +
      'T,甲,合计,=SUM(D2:D4),';
    const uri = await writeLedger(text);
    const doc = await openGrid(uri);
    const ok = await vscode.commands.executeCommand('fundLedger.sortFileBy', uri, {
      col: 0,
      descending: false,
    });
    assert.equal(ok, true);
    assert.equal(await doc.save(), true);
    assert.equal(
      await bytesOnDisk(uri),
      '编号,资金,类型,金额,备注\r\n' +
        'E1,甲,拨付,10.10,"a, b"\r\n' +
        'E2,甲,拨付,"=D2+0.05",\r\n' +
        'E3,甲,拨付,=D3*2,\r\n' +
        'T,甲,合计,=SUM(D2:D4),',
    );
  });

  it('"Sort File By…" refuses an order that would split a formula’s range, changing nothing', async () => {
    const text =
      '编号,资金,类型,金额\nB,甲,拨付,1\nS,甲,小计,=SUM(D2:D3)\nA,甲,拨付,2\nC,甲,拨付,3\n';
    const uri = await writeLedger(text);
    const doc = await openGrid(uri);
    const ok = await vscode.commands.executeCommand('fundLedger.sortFileBy', uri, {
      col: 0,
      descending: false,
    });
    assert.equal(ok, false);
    assert.equal(doc.getText(), text);
    assert.equal(doc.isDirty, false);
    assert.equal(await bytesOnDisk(uri), text);
  });
});

describe('grid: diagnostics and validation', () => {
  afterEach(closeAll);

  it('puts the core’s problems in the Problems panel with a link that reveals the cell', async () => {
    const uri = await writeLedger(LEDGER.replace('120.50', 'abc'));
    await openGrid(uri);
    const found = await diagnosticsFor(uri);
    const bad = found.find((d) => d.range.start.line === 3);
    assert.ok(bad, JSON.stringify(found.map((d) => [d.code, d.message])));
    const code = bad.code;
    assert.ok(typeof code === 'object' && code.target.scheme === 'command');
    assert.equal(code.target.path, 'fundLedger.revealCell');
    const args: unknown = JSON.parse(decodeURIComponent(code.target.query));
    assert.deepEqual(args, [uri.toString(), 3, 6]);
    assert.equal(
      await vscode.commands.executeCommand('fundLedger.revealCell', ...(args as unknown[])),
      true,
    );
  });

  it('"Validate This Ledger" runs the same checks and reports them', async () => {
    const uri = await writeLedger(LEDGER.replace('E2,', 'E1,'));
    const summary = await vscode.commands.executeCommand<{ files: number; errors: number }>(
      'fundLedger.validateLedger',
      uri,
    );
    assert.equal(summary.files, 1);
    assert.ok(summary.errors > 0, 'a duplicate id is an error');
    assert.ok(vscode.languages.getDiagnostics(uri).length > 0);
  });

  it('"Validate Workspace" finds ledgers and reports a count', async () => {
    await writeLedger(LEDGER);
    const summary = await vscode.commands.executeCommand<{ files: number; unreadable: string[] }>(
      'fundLedger.validateWorkspace',
    );
    assert.ok(summary.files >= 2, `checked ${summary.files} ledger(s)`);
    assert.deepEqual(summary.unreadable, []);
  });
});

describe('grid: fundLedger.revealRows', () => {
  afterEach(closeAll);

  it('opens the grid and selects a contiguous run of rows whole', async () => {
    const uri = await writeLedger(LEDGER);
    // Given unsorted and repeated: the command normalises them.
    assert.equal(
      await vscode.commands.executeCommand('fundLedger.revealRows', uri, [3, 2, 3]),
      true,
    );
    // Rows 2–3 across all 8 columns, the active cell on the first of them.
    await selectionWhere(uri, (s) => s.row === 2 && s.col === 0 && s.count === 16);
  });

  it('selects just the first row of a scattered set, in the grid already open', async () => {
    const uri = await writeLedger(LEDGER);
    await openGrid(uri);
    const ok = await vscode.commands.executeCommand(
      'fundLedger.revealRows',
      uri.toString(),
      [1, 3],
    );
    assert.equal(ok, true);
    await selectionWhere(uri, (s) => s.row === 1 && s.count === 8);
  });

  it('rejects invalid arguments', async () => {
    const uri = await writeLedger(LEDGER);
    const bad: unknown[][] = [
      [uri, []],
      [uri, [-1]],
      [uri, [1.5]],
      [uri, ['1']],
      [uri, [Number.MAX_SAFE_INTEGER]],
      [uri, 1],
      [uri, [4]], // past the end of the file
      [42, [1]],
      [uri.with({ path: `${uri.path}.missing` }), [1]],
    ];
    for (const args of bad) {
      assert.equal(
        await vscode.commands.executeCommand('fundLedger.revealRows', ...args),
        false,
        JSON.stringify(args),
      );
    }
  });
});
