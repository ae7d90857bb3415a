// `fund-ledger` entry point: one table of commands, each in commands/<name>.ts. To add a command,
// add one line to COMMANDS; nothing else here changes.
import { runDiff } from './commands/diff';
import { runGitSetup } from './commands/git-setup';
import { runMerge } from './commands/merge';
import { runReport } from './commands/report';
import { runValidate } from './commands/validate';
import { EXIT, processIo, UsageError, type CliIo } from './io';

declare const FUND_LEDGER_VERSION: string | undefined;

export interface Command {
  summary: string;
  run(argv: readonly string[], io: CliIo, version: string): number | Promise<number>;
}

export const COMMANDS = new Map<string, Command>([
  ['validate', { summary: 'check ledgers and print every problem (校验台账)', run: runValidate }],
  [
    'report',
    {
      summary: 'allocation against targets as a table, JSON or CSV (资金完成情况)',
      run: runReport,
    },
  ],
  [
    'diff',
    { summary: 'cell-level ledger diff of two files or git revisions (台账对比)', run: runDiff },
  ],
  ['merge', { summary: 'three-way cell-level merge; git merge driver (三方合并)', run: runMerge }],
  [
    'git-setup',
    { summary: 'configure git to diff and merge ledgers with fund-ledger', run: runGitSetup },
  ],
]);

export const VERSION = typeof FUND_LEDGER_VERSION === 'string' ? FUND_LEDGER_VERSION : '0.1.0';

function help(): string {
  const names = [...COMMANDS.keys()];
  const w = Math.max(...names.map((n) => n.length));
  return `Usage: fund-ledger <command> [options]

Commands:
${names.map((n) => `  ${n.padEnd(w)}  ${COMMANDS.get(n)?.summary ?? ''}`).join('\n')}

Run \`fund-ledger <command> --help\` for a command's options. --version prints the version.
`;
}

/** Runs the CLI in-process (tests call this) and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    io.err(`fund-ledger: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io, VERSION);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`fund-ledger ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    // An unexpected failure still gets one readable line; the stack only with FUND_LEDGER_DEBUG=1.
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`fund-ledger ${name}: internal error: ${msg}\n`);
    if (io.env['FUND_LEDGER_DEBUG'] === '1' && e instanceof Error && e.stack)
      io.err(e.stack + '\n');
    return EXIT.usage;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
