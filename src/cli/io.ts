/** What a command may touch besides the file system, so tests run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Progress lines go to stderr only when it is a terminal. */
  readonly stderrIsTTY: boolean;
}

export function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Exit codes shared by every command (docs/cli.md). */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** A failure the user can fix (bad flag, missing file): printed as one line, exit 2, no stack. */
export class UsageError extends Error {}
