// Packages the extension exactly as `npm run package` does, but from a staged copy of the sources, so the
// repository's dist/ (the development build the shared code-server loads) is left as it is.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Build output, tools and state: none of it is an input to the package, and some of it is large.
const notCopied = new Set([
  '.git',
  'node_modules',
  '.tools',
  'out',
  'dist',
  '.test-artifacts',
  '.vscode-test',
  'bench',
]);

/** Packages into `dir/fund-ledger.vsix` and returns its path. Throws with npm's output on failure. */
export function packageVsix(repoRoot: string, dir: string): string {
  const stage = path.join(dir, 'stage');
  fs.mkdirSync(stage, { recursive: true });
  for (const entry of fs.readdirSync(repoRoot)) {
    if (notCopied.has(entry) || entry.endsWith('.vsix')) continue;
    fs.cpSync(path.join(repoRoot, entry), path.join(stage, entry), { recursive: true });
  }
  // The build resolves esbuild, the codicons and the runtime dependencies through node_modules.
  fs.symlinkSync(
    fs.realpathSync(path.join(repoRoot, 'node_modules')),
    path.join(stage, 'node_modules'),
  );
  const vsix = path.join(dir, 'fund-ledger.vsix');
  try {
    execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], {
      cwd: stage,
      stdio: 'pipe',
    });
  } catch (err) {
    const e = err as { message: string; stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `npm run package failed: ${e.message}\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}`,
    );
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  return vsix;
}
