import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compareTexts, type Comparison } from '../../core/diff/compare';
import { renderDiffHtml } from '../../core/diff/htmlReport';
import { renderDiffText } from '../../core/diff/textReport';
import {
  decodeOrThrow,
  LedgerReadError,
  readLedgerFile,
  type LoadedLedger,
} from '../git/readLedger';
import { git, GitError, gitOk, showBlob, topLevel } from '../git/run';
import { detectLang } from '../i18n';
import { EXIT, UsageError, type CliIo } from '../io';

export const DIFF_USAGE = `Usage:
  fund-ledger diff OLD NEW [--format text|json|html] [-o FILE] [--color|--no-color] [--lang en|zh]
  fund-ledger diff --git REV[..REV] [PATH...]   (one REV: against the working tree)
  fund-ledger diff --git-driver PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE
                   (what git runs as diff.fund-ledger.command; set up by \`fund-ledger git-setup\`)
Exit status: 0 no differences, 1 differences, 2 could not compare (in --git-driver mode always 0
on success, because git stops at a non-zero external diff).`;

interface DiffOptions {
  format: 'text' | 'json' | 'html';
  out?: string;
  color?: boolean;
  lang: 'en' | 'zh';
  git?: string;
  driver: boolean;
  positional: string[];
}

function parseDiffArgs(args: readonly string[], io: CliIo): DiffOptions {
  const o: DiffOptions = {
    format: 'text',
    lang: detectLang(undefined, io.env),
    driver: false,
    positional: [],
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
      if (f !== 'text' && f !== 'json' && f !== 'html') throw new UsageError(`unknown format ${f}`);
      o.format = f;
    } else if (a === '-o' || a === '--output') o.out = value();
    else if (a === '--color') o.color = true;
    else if (a === '--no-color') o.color = false;
    else if (a === '--lang') o.lang = detectLang(value(), io.env);
    else if (a === '--git') o.git = value();
    else if (a === '--git-driver') o.driver = true;
    else if (a.startsWith('-') && a !== '-' && !o.driver)
      throw new UsageError(`unknown option ${a}`);
    else o.positional.push(a);
  }
  return o;
}

/** `fund-ledger diff`: returns the exit status. */
export function runDiff(args: readonly string[], io: CliIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${DIFF_USAGE}\n`);
    return EXIT.ok;
  }
  const o = parseDiffArgs(args, io);
  try {
    const comparisons = collect(o, io);
    emit(comparisons, o, io);
    if (o.driver) return EXIT.ok;
    const differ = comparisons.some((c) => c.diff.rows.length > 0 || c.diff.columns.length > 0);
    return differ ? EXIT.problems : EXIT.ok;
  } catch (e) {
    if (e instanceof LedgerReadError || e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
}

function collect(o: DiffOptions, io: CliIo): Comparison[] {
  if (o.driver) {
    // git passes: path old-file old-hex old-mode new-file new-hex new-mode
    const [path, oldFile, , , newFile] = o.positional;
    // An unmerged path: git passes only its name.
    if (path !== undefined && o.positional.length === 1) return [];
    if (path === undefined || oldFile === undefined || newFile === undefined)
      throw new UsageError('--git-driver expects the 7 arguments git passes to an external diff');
    const [a, b] = [oldFile, newFile].map((f) => readLedgerFile(resolve(io.cwd, f)));
    return [compare(`a/${path}`, a as LoadedLedger, `b/${path}`, b as LoadedLedger)];
  }
  if (o.git !== undefined) return fromGit(o.git, o.positional, io.cwd);
  const [oldPath, newPath, ...rest] = o.positional;
  if (oldPath === undefined || newPath === undefined || rest.length > 0)
    throw new UsageError('expected two files, OLD and NEW');
  const [a, b] = [oldPath, newPath].map((f) => readLedgerFile(resolve(io.cwd, f)));
  return [compare(oldPath, a as LoadedLedger, newPath, b as LoadedLedger)];
}

function compare(oldName: string, a: LoadedLedger, newName: string, b: LoadedLedger): Comparison {
  return compareTexts(oldName, a.text, newName, b.text);
}

function fromGit(spec: string, paths: readonly string[], cwd: string): Comparison[] {
  const top = topLevel(cwd);
  if (top === undefined) throw new GitError(`${cwd} is not inside a git work tree`);
  const dots = spec.indexOf('..');
  const oldRev = dots >= 0 ? spec.slice(0, dots) || 'HEAD' : spec;
  const newRev = dots >= 0 ? spec.slice(dots + 2) || 'HEAD' : undefined;
  for (const rev of newRev === undefined ? [oldRev] : [oldRev, newRev])
    if (git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], top).status !== 0)
      throw new GitError(`unknown revision ${rev}`);
  const files =
    paths.length > 0
      ? paths.map((p) => relative(top, resolve(cwd, p)).split('\\').join('/'))
      : gitOk(
          ['diff', '--name-only', '-z', oldRev, ...(newRev ? [newRev] : []), '--', '*.ledger.csv'],
          top,
        )
          .toString('utf8')
          .split('\0')
          .filter((f) => f !== '');
  return files.map((f) => {
    const read = (rev: string): LoadedLedger => {
      const blob = showBlob(top, rev, f);
      return blob
        ? decodeOrThrow(blob, `${rev}:${f}`)
        : { text: '', encoding: 'utf-8', bom: false };
    };
    const after = newRev ? read(newRev) : readWorkTree(resolve(top, f));
    return compare(`${oldRev}:${f}`, read(oldRev), newRev ? `${newRev}:${f}` : f, after);
  });
}

function readWorkTree(path: string): LoadedLedger {
  try {
    return readLedgerFile(path);
  } catch (e) {
    if (e instanceof LedgerReadError && e.message.endsWith('no such file'))
      return { text: '', encoding: 'utf-8', bom: false };
    throw e;
  }
}

/** --color/--no-color win; else NO_COLOR (any value) and TERM=dumb turn it off; else a terminal, or git's pager. */
function useColor(o: DiffOptions, io: CliIo): boolean {
  if (o.color !== undefined) return o.color;
  if ((io.env['NO_COLOR'] ?? '') !== '' || io.env['TERM'] === 'dumb') return false;
  if (o.out !== undefined) return false;
  return process.stdout.isTTY === true || (o.driver && io.env['GIT_PAGER_IN_USE'] === 'true');
}

function emit(list: readonly Comparison[], o: DiffOptions, io: CliIo): void {
  let text: string;
  if (o.format === 'json') {
    const data = list.map((c) => ({ old: c.oldName, new: c.newName, ...c.diff, funds: c.funds }));
    text = JSON.stringify(list.length === 1 ? data[0] : data, null, 2) + '\n';
  } else if (o.format === 'html') {
    text = renderDiffHtml(list, { lang: o.lang, generated: new Date().toISOString() });
  } else {
    const color = useColor(o, io);
    text = list
      .map((c) =>
        renderDiffText(c.diff, c.funds, {
          oldName: c.oldName,
          newName: c.newName,
          color,
          lang: o.lang,
        }),
      )
      .join('\n');
  }
  if (o.out !== undefined) writeFileSync(resolve(io.cwd, o.out), text);
  else io.out(text);
}
