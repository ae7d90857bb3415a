import * as assert from 'node:assert/strict';
import { scanCsv } from '../../../src/core/csv';
import { parseConflict } from '../../../src/core/merge/markers';
import { buildCli, TempRepo } from './repo';

const FILE = 'funds.ledger.csv';
const H = '编号,资金,类型,金额,备注\n';
const BASE =
  H + 'T1,FD-X,目标,1000.00,\nA1,FD-X,拨付,100.00,\nA2,FD-X,拨付,200.00,\nA3,FD-X,拨付,300.00,\n';

function values(text: string): string[][] {
  const t = scanCsv(text);
  assert.deepEqual(t.errors, [], 'the merged file must still parse as CSV');
  return Array.from({ length: t.rowCount }, (_, r) => t.rowValues(r));
}

/** main and a branch `theirs` both start from `base`; each side then commits its own version. */
function twoBranches(repo: TempRepo, base: string, ours: string, theirs: string): void {
  repo.write(FILE, base);
  repo.commit('base', FILE);
  repo.ok('checkout', '-q', '-b', 'theirs');
  repo.write(FILE, theirs);
  repo.commit('theirs', FILE);
  repo.ok('checkout', '-q', 'main');
  repo.write(FILE, ours);
  repo.commit('ours', FILE);
}

describe('git merge through the fund-ledger merge driver (real git)', function () {
  let repo: TempRepo;
  before(buildCli);
  beforeEach(() => {
    repo = new TempRepo();
    const setup = repo.cli('git-setup');
    assert.equal(setup.status, 0, setup.stderr);
    repo.commit('attributes', '.gitattributes');
  });
  afterEach(() => repo.dispose());

  it('merges edits to different cells of one row cleanly', () => {
    twoBranches(
      repo,
      BASE,
      BASE.replace('A2,FD-X,拨付,200.00,', 'A2,FD-X,拨付,250.00,'),
      BASE.replace('A2,FD-X,拨付,200.00,', 'A2,FD-X,拨付,200.00,checked'),
    );
    const m = repo.git('merge', '--no-edit', 'theirs');
    assert.equal(m.status, 0, m.stderr + m.stdout);
    assert.equal(
      repo.read(FILE),
      BASE.replace('A2,FD-X,拨付,200.00,', 'A2,FD-X,拨付,250.00,checked'),
    );
    assert.equal(repo.ok('status', '--porcelain'), '');
  });

  it('stops on the same cell changed differently, leaving a parseable file with both values', () => {
    twoBranches(repo, BASE, BASE.replace('200.00', '250.00'), BASE.replace('200.00', '260.00'));
    const m = repo.git('merge', '--no-edit', 'theirs');
    assert.notEqual(m.status, 0);
    assert.match(m.stdout + m.stderr, /CONFLICT row 4 \[A2\] column 金额/);
    const rows = values(repo.read(FILE));
    assert.equal(rows.length, 5);
    assert.deepEqual(parseConflict(rows[3]?.[3] ?? ''), {
      ours: '250.00',
      base: '200.00',
      theirs: '260.00',
    });
    assert.match(repo.ok('ls-files', '-u', FILE), /\t/, 'git keeps the file unmerged');
  });

  it('keeps rows inserted on both sides', () => {
    twoBranches(
      repo,
      BASE,
      BASE.replace('A3,', 'A9,FD-X,拨付,9.00,ours\nA3,'),
      BASE + 'B1,FD-X,拨付,1.00,theirs\n',
    );
    const m = repo.git('merge', '--no-edit', 'theirs');
    assert.equal(m.status, 0, m.stderr + m.stdout);
    assert.deepEqual(
      values(repo.read(FILE)).map((r) => r[0]),
      ['编号', 'T1', 'A1', 'A2', 'A9', 'A3', 'B1'],
    );
  });

  it('moves an A1 range in ours when theirs inserts rows above it', () => {
    const base = H + 'A1,FD-X,拨付,1.00,\nA2,FD-X,拨付,2.00,\nS,FD-X,小计,=SUM(D2:D3),\n';
    // Theirs inserts a row at the top (its editor moved the range); ours edits the subtotal's note.
    const theirs =
      H + 'A0,FD-X,拨付,5.00,\nA1,FD-X,拨付,1.00,\nA2,FD-X,拨付,2.00,\nS,FD-X,小计,=SUM(D3:D4),\n';
    const ours = base.replace('=SUM(D2:D3),', '=SUM(D2:D3),checked');
    twoBranches(repo, base, ours, theirs);
    const m = repo.git('merge', '--no-edit', 'theirs');
    assert.equal(m.status, 0, m.stderr + m.stdout);
    const rows = values(repo.read(FILE));
    assert.deepEqual(rows.at(-1), ['S', 'FD-X', '小计', '=SUM(D3:D4)', 'checked']);
    assert.deepEqual(
      rows.map((r) => r[0]),
      ['编号', 'A0', 'A1', 'A2', 'S'],
    );
  });

  it('flags a formula whose referenced row the merge deleted (non-zero exit, formula kept)', () => {
    const base = H + 'A1,FD-X,拨付,1.00,\nA2,FD-X,拨付,2.00,\nS,FD-X,拨付,=D3,\n';
    const ours = base.replace('S,FD-X,拨付,=D3,', 'S,FD-X,拨付,=D3,mine');
    const theirs = base.replace('A2,FD-X,拨付,2.00,\n', '');
    twoBranches(repo, base, ours, theirs);
    const m = repo.git('merge', '--no-edit', 'theirs');
    assert.notEqual(m.status, 0);
    assert.match(m.stdout + m.stderr, /FL-MERGE-FORMULA-REF-DELETED/);
    assert.deepEqual(values(repo.read(FILE)).at(-1), ['S', 'FD-X', '拨付', '=D3', 'mine']);
  });
});
