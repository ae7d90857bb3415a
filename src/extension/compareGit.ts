// Reading an older version of a ledger: through the built-in git extension's API when it knows the
// repository (so remote and virtual workspaces work as VS Code's own diff does), else by running git.
import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { decodeLedgerBytes } from '../core/csv/encoding';

/** The part of the git extension's API (version 1) this feature uses. */
interface GitRef {
  readonly type: number; // 0 head, 1 remote head, 2 tag
  readonly name?: string;
  readonly commit?: string;
}
interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly refs: readonly GitRef[] };
  show(ref: string, path: string): Promise<string>;
  log(options?: { maxEntries?: number; path?: string }): Promise<GitCommit[]>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

async function gitApi(): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

async function repositoryFor(uri: vscode.Uri): Promise<GitRepository | undefined> {
  return (await gitApi())?.getRepository(uri) ?? undefined;
}

function runGit(args: readonly string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: 1 << 30 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(stderr.toString('utf8').trim() || err.message));
        else resolve(stdout);
      },
    );
  });
}

/** The ledger's text at `ref` ('' when the file did not exist there). Throws with git's message otherwise. */
export async function readAtRevision(uri: vscode.Uri, ref: string): Promise<string> {
  const repo = await repositoryFor(uri);
  if (repo) {
    try {
      return await repo.show(ref, uri.fsPath);
    } catch {
      // Fall through to git itself, which also gives a readable error and exact bytes.
    }
  }
  let bytes: Buffer;
  try {
    bytes = await runGit(['show', `${ref}:./${basename(uri.fsPath)}`], dirname(uri.fsPath));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/exists on disk, but not in|does not exist in/.test(message)) return '';
    throw e;
  }
  const d = decodeLedgerBytes(bytes);
  if ('error' in d) throw new Error(d.error);
  return d.text;
}

/** Revisions to offer in the picker: branches, tags and the file's recent commits. */
export async function revisionChoices(
  uri: vscode.Uri,
): Promise<{ label: string; description: string; ref: string }[]> {
  const repo = await repositoryFor(uri);
  const out: { label: string; description: string; ref: string }[] = [];
  if (repo) {
    for (const r of repo.state.refs) {
      if (!r.name) continue;
      const kind = r.type === 2 ? 'tag' : r.type === 1 ? 'remote branch' : 'branch';
      out.push({
        label: r.name,
        description: `${kind} ${r.commit?.slice(0, 8) ?? ''}`,
        ref: r.name,
      });
    }
    try {
      for (const c of await repo.log({ maxEntries: 30, path: uri.fsPath }))
        out.push({
          label: c.hash.slice(0, 8),
          description: `${c.message.split('\n')[0] ?? ''} — ${c.authorName ?? ''}`,
          ref: c.hash,
        });
    } catch {
      // No history for the file yet: branches and tags are still offered.
    }
    return out;
  }
  try {
    const log = await runGit(
      ['log', '-n', '30', '--format=%H%x09%s', '--', basename(uri.fsPath)],
      dirname(uri.fsPath),
    );
    for (const line of log.toString('utf8').split('\n')) {
      const [hash, subject] = line.split('\t');
      if (hash) out.push({ label: hash.slice(0, 8), description: subject ?? '', ref: hash });
    }
  } catch {
    // Not a repository: the picker still lets the user type a revision.
  }
  return out;
}
