import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { git, topLevel } from '../git/run';
import { EXIT, UsageError, type CliIo } from '../io';

export const GIT_SETUP_USAGE = `Usage:
  fund-ledger git-setup [--hooks] [--force] [--pattern GLOB]
Run inside a git work tree. Adds "GLOB diff=fund-ledger merge=fund-ledger" to .gitattributes
(default GLOB *.ledger.csv) and sets, in this repository's local config:
  diff.fund-ledger.command   <this cli> diff --git-driver
  merge.fund-ledger.driver   <this cli> merge %O %A %B --path %P
--hooks also installs a pre-commit hook that runs "fund-ledger validate" on the staged ledgers
(an existing hook that is not ours is left alone unless --force). Safe to run again.`;

const HOOK_MARK = '# installed by fund-ledger git-setup';

/** The command git should run: this node and this script, absolute, so it works without PATH. */
export function selfCommand(): string {
  const script = realpathSync(resolve(process.argv[1] ?? ''));
  return `${shellQuote(process.execPath)} ${shellQuote(script)}`;
}

/** Single-quotes for sh (git runs driver commands through the shell). */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function runGitSetup(args: readonly string[], io: CliIo): number {
  let hooks = false;
  let force = false;
  let pattern = '*.ledger.csv';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--hooks') hooks = true;
    else if (a === '--force') force = true;
    else if (a === '--pattern' && args[i + 1] !== undefined) pattern = args[++i] as string;
    else if (a === '--help' || a === '-h') {
      io.out(`${GIT_SETUP_USAGE}\n`);
      return EXIT.ok;
    } else throw new UsageError(`unknown argument ${a}`);
  }
  const top = topLevel(io.cwd);
  if (top === undefined) throw new UsageError(`${io.cwd} is not inside a git work tree`);
  const cmd = selfCommand();
  const done: string[] = [];
  if (addAttributes(join(top, '.gitattributes'), pattern)) done.push(`.gitattributes: ${pattern}`);
  const config: [string, string][] = [
    ['diff.fund-ledger.command', `${cmd} diff --git-driver`],
    ['merge.fund-ledger.name', 'Fund Ledger cell-level merge'],
    ['merge.fund-ledger.driver', `${cmd} merge %O %A %B --path %P`],
  ];
  for (const [key, value] of config) {
    const r = git(['config', '--local', key, value], top);
    if (r.status !== 0) throw new UsageError(`git config ${key} failed: ${r.stderr.trim()}`);
    done.push(`git config ${key} = ${value}`);
  }
  if (hooks) {
    const status = installHook(io, top, cmd, pattern, force, done);
    if (status !== EXIT.ok) return status;
  }
  io.out(done.map((d) => `  ${d}\n`).join('') || '  already set up\n');
  return EXIT.ok;
}

/** Adds the attribute line once; returns whether the file changed. */
function addAttributes(file: string, pattern: string): boolean {
  const line = `${pattern} diff=fund-ledger merge=fund-ledger`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const has = text.split(/\r?\n/).some((l) => {
    const parts = l.trim().split(/\s+/);
    return (
      parts[0] === pattern &&
      parts.includes('diff=fund-ledger') &&
      parts.includes('merge=fund-ledger')
    );
  });
  if (has) return false;
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  writeFileSync(file, `${text}${sep}${line}\n`);
  return true;
}

function installHook(
  io: CliIo,
  top: string,
  cmd: string,
  pattern: string,
  force: boolean,
  done: string[],
): number {
  const r = git(['rev-parse', '--git-path', 'hooks/pre-commit'], top);
  if (r.status !== 0) throw new UsageError(`cannot find the hooks folder: ${r.stderr.trim()}`);
  const hook = resolve(top, r.stdout.toString('utf8').trim());
  if (existsSync(hook) && !readFileSync(hook, 'utf8').includes(HOOK_MARK) && !force) {
    io.err(
      `fund-ledger git-setup: ${hook} already exists and was not written by fund-ledger; ` +
        'add the check to it yourself or rerun with --force\n',
    );
    return EXIT.problems;
  }
  mkdirSync(dirname(hook), { recursive: true });
  writeFileSync(hook, hookScript(cmd, pattern));
  chmodSync(hook, 0o755);
  done.push(`pre-commit hook: ${hook}`);
  return EXIT.ok;
}

/**
 * Validates what is being committed (the staged blobs, exported with checkout-index), not the
 * working tree, so a fixed-but-unstaged file cannot hide a broken commit.
 */
function hookScript(cmd: string, pattern: string): string {
  const glob = shellQuote(pattern);
  return `#!/bin/sh
${HOOK_MARK}: validate staged ledgers before each commit.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
git diff --cached --name-only --diff-filter=ACMR -z -- ${glob} > "$tmp/.staged" || exit 1
[ -s "$tmp/.staged" ] || exit 0
xargs -0 git checkout-index --prefix="$tmp/files/" -- < "$tmp/.staged" || exit 1
echo "fund-ledger: validating staged ledgers" >&2
(cd "$tmp/files" && xargs -0 ${cmd} validate < ../.staged) || {
  echo "fund-ledger: commit stopped; fix the problems above (or commit with --no-verify)" >&2
  exit 1
}
`;
}
