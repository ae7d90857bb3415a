import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built CLI (tests build it first with `node esbuild.mjs --only=cli`). */
export const CLI = resolve(__dirname, '../../../dist/cli.js');
export const ROOT = resolve(__dirname, '../../..');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** A throwaway git repository with its own HOME, so no user or system config leaks in. */
export class TempRepo {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'fl-git-'));
    this.env = {
      ...process.env,
      HOME: this.dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      NO_COLOR: '1',
      LANG: 'C.UTF-8',
    };
    delete this.env['GIT_DIR'];
    delete this.env['GIT_INDEX_FILE'];
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'commit.gpgsign', 'false');
  }

  run(cmd: string, args: readonly string[]): Run {
    const r = spawnSync(cmd, args, { cwd: this.dir, env: this.env, encoding: 'utf8' });
    if (r.error) throw r.error;
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  git(...args: string[]): Run {
    return this.run('git', args);
  }

  /** Runs git and fails the test with git's message when it fails. */
  ok(...args: string[]): string {
    const r = this.git(...args);
    if (r.status !== 0)
      throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  cli(...args: string[]): Run {
    return this.run(process.execPath, [CLI, ...args]);
  }

  write(name: string, text: string): void {
    writeFileSync(join(this.dir, name), text);
  }

  read(name: string): string {
    return readFileSync(join(this.dir, name), 'utf8');
  }

  commit(message: string, ...files: string[]): void {
    this.ok('add', ...files);
    this.ok('commit', '-q', '-m', message);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Builds dist/cli.js once per run. */
export function buildCli(): void {
  const r = spawnSync(process.execPath, ['esbuild.mjs', '--only=cli'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the CLI failed: ${r.stderr}`);
}
