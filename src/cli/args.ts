import { UsageError } from './io';

export interface ParsedArgs {
  positional: string[];
  /** Flag values by long name without dashes; boolean flags map to 'true'. */
  flags: Map<string, string>;
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name`. `known` maps each accepted flag to
 * whether it takes a value; anything else is a usage error (no silent typos in CI scripts).
 */
export function parseArgs(
  argv: readonly string[],
  known: ReadonlyMap<string, boolean>,
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      flags.set('help', 'true');
      continue;
    }
    if (!a.startsWith('--') || a === '-') {
      if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const takesValue = known.get(name);
    if (takesValue === undefined) throw new UsageError(`unknown option --${name}`);
    if (!takesValue) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, 'true');
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}
