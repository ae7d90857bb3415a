import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { rowBoundary } from '../../../src/cli/read-ledger';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'test/fixtures/invalid');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  file: string;
  code: string;
  line: number;
  column: number;
  strict: boolean;
}[];

async function run(
  argv: string[],
  env: Record<string, string> = {},
  cwd = ROOT,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    cwd,
    env: { LANG: 'en_US.UTF-8', ...env },
    stderrIsTTY: false,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('fund-ledger validate (in-process)', () => {
  it('data/ is clean: exit 0 and the allocation summary', async () => {
    const r = await run(['validate', 'data']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /allocation against targets/);
    assert.match(r.out, /丰都县教育基金/);
    assert.match(r.out, /Checked 5 files: 0 errors, 0 warnings/);
  });

  for (const e of expected) {
    it(`${e.file}: exit 1 with ${e.code} at ${e.line}:${e.column}`, async () => {
      const r = await run([
        'validate',
        ...(e.strict ? ['--strict'] : []),
        `test/fixtures/invalid/${e.file}`,
      ]);
      assert.equal(r.code, 1, r.out);
      assert.ok(r.out.includes(`test/fixtures/invalid/${e.file}:${e.line}:${e.column} `), r.out);
      assert.ok(r.out.includes(` ${e.code} `), r.out);
    });
  }

  it('reads GB18030 ledgers as Excel/WPS write them, and --encoding forces it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-cli-'));
    const text = [
      '编号,资金,类型,金额(万元)',
      'T1,奉节县教育教学质量建设资金,目标,1000',
      'E1,奉节县教育教学质量建设资金,拨付,12.5',
    ].join('\r\n');
    writeFileSync(join(dir, 'gbk.ledger.csv'), iconv.encode(text, 'gb18030'));
    for (const extra of [[], ['--encoding', 'gb18030']]) {
      const r = await run(['validate', '--format', 'json', ...extra, 'gbk.ledger.csv'], {}, dir);
      assert.equal(r.code, 0, r.err);
      const doc = JSON.parse(r.out) as {
        files: { encoding: string; targets: { fund: string }[] }[];
      };
      assert.equal(doc.files[0]?.encoding, 'gb18030');
      assert.equal(doc.files[0]?.targets[0]?.fund, '奉节县教育教学质量建设资金');
    }
    const forced = await run(['validate', '--encoding', 'utf-8', 'gbk.ledger.csv'], {}, dir);
    assert.equal(forced.code, 2);
    assert.match(forced.err, /Invalid UTF-8/);
  });

  it('warnings alone exit 0 without --strict', async () => {
    assert.equal((await run(['validate', 'test/fixtures/invalid/blank-row.csv'])).code, 0);
  });

  it('prints Chinese with --lang zh-CN or a Chinese locale', async () => {
    const a = await run([
      'validate',
      '--lang',
      'zh-CN',
      'test/fixtures/invalid/total-mismatch.csv',
    ]);
    assert.match(a.out, /小计为 1,100\.01 元/);
    const b = await run(['validate', 'test/fixtures/invalid/total-mismatch.csv'], {
      LC_ALL: 'zh_CN.UTF-8',
    });
    assert.match(b.out, /共检查 1 个文件/);
  });

  it('--format json follows the documented schema', async () => {
    const r = await run(['validate', '--format', 'json', 'test/fixtures/invalid/target-over.csv']);
    const doc = JSON.parse(r.out) as {
      schema: string;
      files: {
        path: string;
        diagnostics: Record<string, unknown>[];
        targets: Record<string, unknown>[];
      }[];
      summary: Record<string, number>;
    };
    assert.equal(doc.schema, 'fund-ledger/validate@1');
    assert.deepEqual(doc.summary, { files: 1, errors: 1, warnings: 0, infos: 0 });
    const d = doc.files[0]?.diagnostics[0];
    assert.deepEqual(
      [d?.['code'], d?.['line'], d?.['column'], d?.['row'], d?.['severity']],
      ['FL-TARGET-OVER', 2, 37, 2, 'error'],
    );
    const t = doc.files[0]?.targets[0];
    assert.deepEqual([t?.['actual'], t?.['status'], t?.['entryCount']], ['2100.00', 'over', 2]);
    assert.deepEqual(t?.['target'], { min: '1000.00', max: '2000.00', row: 2, id: 'T1' });
  });

  it('--format sarif is SARIF 2.1.0 with one result per problem', async () => {
    const r = await run([
      'validate',
      '--format',
      'sarif',
      'test/fixtures/invalid/date-invalid.csv',
    ]);
    const doc = JSON.parse(r.out) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }[];
        }[];
      }[];
    };
    assert.equal(doc.version, '2.1.0');
    const res = doc.runs[0]?.results ?? [];
    assert.equal(res.length, 1);
    assert.equal(res[0]?.ruleId, 'FL-DATE-INVALID');
    assert.deepEqual(res[0]?.locations[0]?.physicalLocation.region, {
      startLine: 4,
      startColumn: 4,
      endLine: 4,
      endColumn: 14,
    });
    assert.equal(
      res[0]?.locations[0]?.physicalLocation.artifactLocation.uri,
      'test/fixtures/invalid/date-invalid.csv',
    );
  });

  it('--format github prints workflow annotations', async () => {
    const r = await run([
      'validate',
      '--format',
      'github',
      'test/fixtures/invalid/id-duplicate.csv',
    ]);
    assert.equal(
      r.out,
      '::error file=test/fixtures/invalid/id-duplicate.csv,line=4,col=1,endLine=4,endColumn=3,title=FL-ID-DUPLICATE::Id "E1" is already used on line 3\n',
    );
  });

  it('exit 2 with one clear line for bad usage and unreadable files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-cli-'));
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'notes.csv'), 'a,b\n1,2\n');
    writeFileSync(
      join(dir, 'bin.ledger.csv'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]),
    );
    writeFileSync(join(dir, 'latin1.ledger.csv'), Buffer.from([0x81, 0x20, 0x81, 0x0a]));
    const cases: [string[], RegExp][] = [
      [['validate', 'missing.csv'], /missing\.csv: no such file or directory/],
      [['validate', 'empty'], /no ledgers found/],
      [['validate', '.'], /bin\.ledger\.csv: .*binary/],
      [['validate', 'latin1.ledger.csv'], /neither UTF-8 nor GB18030/],
      [['validate', '--format', 'xml'], /--format must be one of/],
      [['validate', '--bogus'], /unknown option --bogus/],
      [['frobnicate'], /unknown command/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, {}, dir);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    }
  });

  it('folders: *.ledger.csv and *.csv with a ledger header, skipping other CSVs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-cli-'));
    writeFileSync(join(dir, 'other.csv'), 'name,score\nx,1\n');
    writeFileSync(join(dir, 'plain.csv'), 'id,fund,kind,amount\nT1,F,target,10\n');
    const r = await run(['validate', '--format', 'json'], {}, dir);
    const doc = JSON.parse(r.out) as { files: { path: string }[] };
    assert.deepEqual(
      doc.files.map((f) => f.path),
      ['plain.csv'],
    );
  });

  it('report prints pace and exports CSV with a BOM', async () => {
    const r = await run([
      'report',
      '--lang',
      'zh-CN',
      'data/fengdu-education-foundation.ledger.csv',
    ]);
    assert.equal(r.code, 0);
    assert.match(r.out, /进度落后/);
    const c = await run(['report', '--format', 'csv', 'data/fengdu-paired-assistance.ledger.csv']);
    assert.ok(c.out.startsWith('\ufeffFile,Fund,'));
    assert.match(c.out, /对口帮扶援助资金,学校建设,allocated,2022,216\.00,216\.00/);
  });

  it('--help and --version', async () => {
    assert.match((await run(['--help'])).out, /validate/);
    assert.match((await run(['validate', '--help'])).out, /--format text\|json\|sarif\|github/);
    assert.match((await run(['--version'])).out, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('rowBoundary (streaming chunks)', () => {
  it('splits after the last line break outside quotes, never inside a CRLF', () => {
    assert.equal(rowBoundary('a,b\nc,d\ne'), 8);
    assert.equal(rowBoundary('a,"x\ny"\nc'), 8);
    assert.equal(rowBoundary('a,b\nc,"x\ny'), 4);
    assert.equal(rowBoundary('a,b\r\nc\r'), 5);
    assert.equal(rowBoundary('"open\n'), 0);
  });
});

describe('node dist/cli.js (spawned)', function () {
  this.timeout(120000);
  before(() => {
    if (!existsSync(join(ROOT, 'dist/cli.js')))
      execFileSync('node', ['esbuild.mjs', '--only=cli'], { cwd: ROOT });
  });

  it('validates data/ with exit 0 and prints the target summary', () => {
    const r = spawnSync('node', ['dist/cli.js', 'validate', 'data'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /奉节县教育教学质量建设资金/);
    assert.match(r.stdout, /on target/);
  });

  it('exits 1 on every invalid fixture with the expected code at the expected place', () => {
    for (const e of expected) {
      const args = [
        'dist/cli.js',
        'validate',
        ...(e.strict ? ['--strict'] : []),
        `test/fixtures/invalid/${e.file}`,
      ];
      const r = spawnSync('node', args, {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C' },
      });
      assert.equal(r.status, 1, e.file);
      assert.ok(
        r.stdout.includes(`${e.file}:${e.line}:${e.column} `) && r.stdout.includes(e.code),
        e.file + '\n' + r.stdout,
      );
    }
  });
});
