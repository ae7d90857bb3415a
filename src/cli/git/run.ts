import { spawnSync } from 'node:child_process';

export interface GitResult {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs git with an argument list (never through a shell, so paths and revisions are data). */
export function git(args: readonly string[], cwd: string, input?: Buffer): GitResult {
  const r = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  if (r.error) return { status: 127, stdout: Buffer.alloc(0), stderr: r.error.message };
  return { status: r.status ?? 128, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Like `git`, but throws a readable error (git's own message) when git fails. */
export function gitOk(args: readonly string[], cwd: string): Buffer {
  const r = git(args, cwd);
  if (r.status !== 0)
    throw new GitError(`git ${args[0] ?? ''}: ${r.stderr.trim() || `exit ${r.status}`}`);
  return r.stdout;
}

export class GitError extends Error {}

/** The repository's top folder, or undefined outside a work tree. */
export function topLevel(cwd: string): string | undefined {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  return r.status === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** A file's bytes at a revision (`REV:path`, path relative to the top folder); undefined if absent. */
export function showBlob(top: string, rev: string, path: string): Buffer | undefined {
  const r = git(['show', `${rev}:${path}`], top);
  return r.status === 0 ? r.stdout : undefined;
}
