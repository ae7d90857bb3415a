// `npm run test:package`: packages the extension the way `npm run package` does, then checks what the
// .vsix holds: the bundles and assets users need, and none of the sources or node_modules the bundles replace.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fund-ledger-vsix-'));
const vsix = join(dir, 'fund-ledger.vsix');

/** Entry names from a zip's central directory (a .vsix is a zip); no dependency needed for that. */
function zipEntries(bytes) {
  const eocdSignature = 0x06054b50;
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== eocdSignature) eocd--;
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const failures = [];
try {
  execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], {
    cwd: root,
    stdio: 'pipe',
  });
  const entries = zipEntries(readFileSync(vsix)).map((name) => name.replace(/^extension\//, ''));
  const has = (name) => entries.includes(name);
  for (const required of [
    'package.json',
    'dist/extension.js',
    'dist/cli.js',
    'dist/analysisWorker.js',
    'dist/webview/grid.js',
    'LICENSE.txt',
  ]) {
    if (!has(required)) failures.push(`missing ${required}`);
  }
  for (const name of entries) {
    if (
      /^(src|node_modules|test|out|scripts|data|\.tools|\.test-artifacts|docs|bench)\//.test(name)
    )
      failures.push(`should not ship ${name}`);
    if (name.endsWith('.map') || name.endsWith('.ts')) failures.push(`should not ship ${name}`);
  }
  if (failures.length === 0)
    console.log(`package: ${entries.length} files in the .vsix, contents as expected`);
} catch (err) {
  const output = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  failures.push(`npm run package failed: ${err.message}\n${output}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`package: FAILED\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
