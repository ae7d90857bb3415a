import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, TempRepo } from './repo';

const H = '编号,资金,类型,金额,备注\n';
const BASE = H + 'A1,F,拨付,1.00,\nA2,F,拨付,2.00,\n';

describe('fund-ledger diff/merge on bad input (spawned CLI)', function () {
  let dir: TempRepo;
  before(buildCli);
  beforeEach(() => {
    dir = new TempRepo();
  });
  afterEach(() => dir.dispose());

  it('exits 2 with one readable line for a missing file, a folder and a binary file', () => {
    dir.write('a.ledger.csv', BASE);
    writeFileSync(join(dir.dir, 'bin.csv'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    for (const args of [
      ['diff', 'missing.csv', 'a.ledger.csv'],
      ['diff', '.', 'a.ledger.csv'],
      ['merge', 'bin.csv', 'a.ledger.csv', 'a.ledger.csv'],
      ['merge', 'a.ledger.csv'],
    ]) {
      const r = dir.cli(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    assert.equal(dir.read('a.ledger.csv'), BASE, 'nothing was written');
  });

  it('falls back to a line merge when a version is not well-formed CSV', () => {
    dir.write('base.csv', BASE);
    dir.write('ours.csv', BASE.replace('1.00', '"1.50'));
    dir.write('theirs.csv', BASE.replace('1.00', '1.70'));
    const r = dir.cli('merge', 'base.csv', 'ours.csv', 'theirs.csv');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not well-formed CSV/);
    assert.match(dir.read('ours.csv'), /^<<<<<<< ours$/m);
  });

  it('writes an HTML report with -o and exits 1 when the files differ', () => {
    dir.write('a.csv', BASE);
    dir.write('b.csv', BASE.replace('2.00', '<b>2</b>'));
    const r = dir.cli('diff', 'a.csv', 'b.csv', '--format', 'html', '-o', 'report.html');
    assert.equal(r.status, 1, r.stderr);
    const html = dir.read('report.html');
    assert.match(html, /&lt;b&gt;2&lt;\/b&gt;/);
    assert.doesNotMatch(html, /<b>2/);
  });
});
