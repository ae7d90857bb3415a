import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, CLI, TempRepo } from './repo';

const FILE = 'funds.ledger.csv';
const BASE =
  '编号,资金,类型,金额,备注\nT1,FD-X,目标,300.00,\nA1,FD-X,拨付,100.00,\nA2,FD-X,拨付,200.00,\n';

describe('git diff, diff --git and git-setup with a real repository', function () {
  let repo: TempRepo;
  before(buildCli);
  beforeEach(() => {
    repo = new TempRepo();
    repo.write(FILE, BASE);
  });
  afterEach(() => repo.dispose());

  it('git-setup writes absolute driver commands and is idempotent', () => {
    assert.equal(repo.cli('git-setup').status, 0);
    assert.equal(repo.cli('git-setup').status, 0);
    const attrs = repo.read('.gitattributes');
    assert.equal(attrs, '*.ledger.csv diff=fund-ledger merge=fund-ledger\n');
    const driver = repo.ok('config', '--local', 'merge.fund-ledger.driver').trim();
    assert.equal(driver, `${process.execPath} ${CLI} merge %O %A %B --path %P`);
    const diff = repo.ok('config', '--local', 'diff.fund-ledger.command').trim();
    assert.equal(diff, `${process.execPath} ${CLI} diff --git-driver`);
    const all = repo.ok('config', '--local', '--get-all', 'diff.fund-ledger.command');
    assert.equal(all.trim().split('\n').length, 1);
  });

  it('git diff shows the ledger diff through the driver', () => {
    repo.cli('git-setup');
    repo.commit('base', FILE, '.gitattributes');
    repo.write(FILE, BASE.replace('200.00', '250.00') + 'A3,FD-X,拨付,1.00,\n');
    const d = repo.ok('diff');
    assert.match(d, /ledger diff a\/funds\.ledger\.csv → b\/funds\.ledger\.csv/);
    assert.match(d, /~ row 4 \[A2\] 金额: "200\.00" → "250\.00"/);
    assert.match(d, /\+ row 5 \[A3\]/);
    assert.match(
      d,
      /FD-X allocated total 300\.00 → 351\.00 \(\+51\.00\), now over its 300\.00 target/,
    );
    assert.ok(!d.includes('\u001b['), 'no colour when NO_COLOR is set');
  });

  it('diff --git compares revisions and the working tree', () => {
    repo.commit('base', FILE);
    repo.write(FILE, BASE.replace('100.00', '110.00'));
    repo.commit('second', FILE);
    const between = repo.cli('diff', '--git', 'HEAD~1..HEAD', FILE);
    assert.equal(between.status, 1, between.stderr);
    assert.match(between.stdout, /~ row 3 \[A1\] 金额: "100\.00" → "110\.00"/);
    const json = repo.cli('diff', '--git', 'HEAD~1', '--format', 'json');
    const parsed = JSON.parse(json.stdout) as { rows: { id: string }[] };
    assert.deepEqual(
      parsed.rows.map((r) => r.id),
      ['A1'],
    );
    const same = repo.cli('diff', '--git', 'HEAD', FILE);
    assert.equal(same.status, 0);
    const bad = repo.cli('diff', '--git', 'nope..HEAD', FILE);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown revision nope/);
  });

  it('--hooks installs a pre-commit hook that blocks a commit with an invalid staged ledger', () => {
    const setup = repo.cli('git-setup', '--hooks');
    assert.equal(setup.status, 0, setup.stderr);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    assert.ok(existsSync(hook));
    assert.ok((statSync(hook).mode & 0o111) !== 0, 'hook is executable');
    assert.match(readFileSync(hook, 'utf8'), /validate/);
    repo.commit('good', FILE, '.gitattributes');
    repo.write(FILE, BASE.replace('200.00', 'two hundred'));
    repo.ok('add', FILE);
    const bad = repo.git('commit', '-q', '-m', 'bad');
    assert.notEqual(bad.status, 0, 'the hook stops the commit');
    assert.match(bad.stderr + bad.stdout, /FL-AMOUNT-NOT-NUMBER|not an amount|not a number/);
  });
});
