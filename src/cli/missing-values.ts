import { UsageError } from '../errors.js';

/** The parts of yargs' `getOptions()` that say which flags take no value. */
export interface OptionKinds {
  key: Record<string, unknown>;
  alias: Record<string, string[]>;
  boolean: string[];
  count: string[];
}

const NEGATIVE_NUMBER = /^-\d/;

/**
 * The first flag on the command line that takes a value but was given none: last on the line, or followed by
 * another flag. yargs gives such a flag its default (`--format` → text, `--max-splat-lines` → 400) or an empty
 * string, which path options had read as "not given" (`--db` wrote no history). `-` and negative numbers are values.
 */
export function flagWithoutValue(tokens: readonly string[], kinds: OptionKinds): string | undefined {
  const valueless = new Set<string>();
  for (const name of [...kinds.boolean, ...kinds.count]) {
    valueless.add(name);
    for (const alias of kinds.alias[name] ?? []) valueless.add(alias);
  }
  const known = new Set(Object.keys(kinds.key));
  for (const [name, aliases] of Object.entries(kinds.alias)) {
    known.add(name);
    for (const alias of aliases) known.add(alias);
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === '--') return undefined;
    const name = /^--?([^-=][^=]*)$/.exec(token)?.[1];
    // Long flags, and single short ones: `-qv` is a bundle of booleans.
    if (name === undefined || (!token.startsWith('--') && name.length !== 1)) continue;
    if (!known.has(name) || valueless.has(name) || valueless.has(camelCase(name))) continue;
    const next = tokens[i + 1];
    if (next === undefined || (next.startsWith('-') && next !== '-' && !NEGATIVE_NUMBER.test(next))) return token;
  }
  return undefined;
}

export function checkFlagValues(tokens: readonly string[], kinds: OptionKinds): void {
  const flag = flagWithoutValue(tokens, kinds);
  if (flag !== undefined) throw new UsageError(`${flag} needs a value`);
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
