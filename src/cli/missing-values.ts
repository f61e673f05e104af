import { UsageError } from '../errors.js';

/** The parts of yargs' `getOptions()` that say which flags take no value. */
export interface OptionKinds {
  key: Record<string, unknown>;
  alias: Record<string, string[]>;
  boolean: string[];
  count: string[];
  number?: string[];
}

const NEGATIVE_NUMBER = /^-\d/;
const HELP_OR_VERSION = new Set(['--help', '-h', '--version']);

/**
 * The first flag on the command line that takes a value but was given none: last on the line, followed by another
 * flag, or given an empty one (`--db ""`, `--db "$UNSET"`, `--threads=`). yargs gives such a flag its default
 * (`--format` → text, `--max-splat-lines` → 400), an empty string, which path options had read as "not given"
 * (`--db` wrote no history), or 0. `-` and negative numbers are values; with --help or --version nothing is checked.
 */
export function flagWithoutValue(tokens: readonly string[], kinds: OptionKinds): string | undefined {
  const flags = flagTokens(tokens);
  if (flags === undefined) return undefined;
  const takesValue = valueTakingNames(kinds);
  const missing = (next: string | undefined): boolean =>
    next === undefined || next === '' || (next.startsWith('-') && next !== '-' && !NEGATIVE_NUMBER.test(next));
  for (let i = 0; i < flags.length; i++) {
    const token = flags[i] ?? '';
    const long = /^--([^-=][^=]*)(=?)(.*)$/.exec(token);
    if (long) {
      const [, name = '', eq, value] = long;
      if (!takesValue(name)) continue;
      if (eq === '=' ? value === '' : missing(flags[i + 1])) return `--${name}`;
      continue;
    }
    // `-f` alone, or last in a bundle of short flags (`-qf`): the flags before it take no value.
    const short = /^-([A-Za-z]+)$/.exec(token)?.[1];
    const last = short?.at(-1);
    if (last !== undefined && takesValue(last) && missing(flags[i + 1])) return `-${last}`;
  }
  return undefined;
}

/** The tokens before `--`, where flags are; undefined with --help or --version among them, when nothing is checked. */
function flagTokens(tokens: readonly string[]): readonly string[] | undefined {
  const end = tokens.indexOf('--');
  const flags = end === -1 ? tokens : tokens.slice(0, end);
  return flags.some((t) => HELP_OR_VERSION.has(t)) ? undefined : flags;
}

/**
 * The first bundle of short flags with a flag that takes a value before its last letter (`-fo y.txt`, `-jq`,
 * `-fjson`): yargs gives such a flag no value (`-f` the default format, `-o` an empty path, `-j` none at all) and
 * reads the rest of the bundle as flags of their own. Only the last flag of a bundle takes a value, as the next word.
 */
export function valueFlagInsideBundle(tokens: readonly string[], kinds: OptionKinds): { flag: string; bundle: string } | undefined {
  const flags = flagTokens(tokens);
  if (flags === undefined) return undefined;
  const takesValue = valueTakingNames(kinds);
  for (const token of flags) {
    const letters = /^-([A-Za-z]{2,})$/.exec(token)?.[1];
    const inside = letters === undefined ? undefined : [...letters.slice(0, -1)].find((letter) => takesValue(letter));
    if (inside !== undefined) return { flag: `-${inside}`, bundle: token };
  }
  return undefined;
}

export function checkFlagValues(tokens: readonly string[], kinds: OptionKinds, argv: Record<string, unknown> = {}): void {
  const bundled = valueFlagInsideBundle(tokens, kinds);
  if (bundled !== undefined) {
    const { flag, bundle } = bundled;
    throw new UsageError(`${flag} in ${bundle} needs a value: in a bundle of short flags only the last one takes one, as the next word (${flag} VALUE)`);
  }
  const flag = flagWithoutValue(tokens, kinds);
  if (flag !== undefined) throw new UsageError(`${flag} needs a value`);
  // yargs reads `--threads abc` as NaN, which a range check would then name as `not NaN`.
  const notNumber = (kinds.number ?? []).find((name) => Number.isNaN(argv[name]));
  if (notNumber !== undefined) throw new UsageError(`--${notNumber} takes a number`);
  const misshapen = misshapenFlag(kinds, argv);
  if (misshapen !== undefined) throw new UsageError(`--${misshapen} takes a value (not --no-${misshapen} or --${misshapen}.<key>)`);
  const keyed = keyedSwitch(kinds, argv);
  if (keyed !== undefined) throw new UsageError(`--${keyed} is on or off: --${keyed} or --no-${keyed}, not --${keyed}.<key>`);
  const worded = switchWithWord(tokens, kinds);
  if (worded !== undefined) {
    const [name, word] = worded;
    throw new UsageError(`bad flag value: --${name}=${word}: --${name} is on or off: --${name}, --no-${name}, --${name}=true or --${name}=false`);
  }
}

/**
 * The first switch (a boolean option) given a key, which yargs reads as an object (`--color.x 1` → `{ x: 1 }`): it
 * had been taken for on (`--quiet.x 1`) or failed once every input was read (`--color.x`, in the text renderer).
 */
function keyedSwitch(kinds: OptionKinds, argv: Record<string, unknown>): string | undefined {
  return kinds.boolean.find((name) => typeof argv[name] === 'object' && argv[name] !== null);
}

/** What yargs reads rightly after `--switch=`: any other word (`maybe`, `1`, `yes`) it takes for false, in silence. */
const SWITCH_WORDS = new Set(['true', 'false']);

/** The first `--switch=WORD` (a boolean option or an alias of one) whose WORD is neither true nor false: [name, word]. */
export function switchWithWord(tokens: readonly string[], kinds: OptionKinds): [string, string] | undefined {
  const end = tokens.indexOf('--');
  const switches = new Set(kinds.boolean.flatMap((name) => [name, ...(kinds.alias[name] ?? [])]));
  for (const token of end === -1 ? tokens : tokens.slice(0, end)) {
    const m = /^--([^=]+)=(.*)$/s.exec(token);
    if (m === null) continue;
    const [, name = '', word = ''] = m;
    if ((switches.has(name) || switches.has(camelCase(name))) && !SWITCH_WORDS.has(word)) return [name, word];
  }
  return undefined;
}

/**
 * The first option that takes a value but holds a boolean or an object: yargs reads `--no-output` as `false` and
 * `--memstart.a=1` as `{ a: 1 }`, which the commands had then used as a path or a string (an internal error).
 */
function misshapenFlag(kinds: OptionKinds, argv: Record<string, unknown>): string | undefined {
  const takesValue = valueTakingNames(kinds);
  const misshapen = (value: unknown): boolean => typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
  return Object.keys(kinds.key).find((name) => {
    if (!takesValue(name)) return false;
    const value = argv[name];
    return misshapen(value) || (Array.isArray(value) && value.some(misshapen));
  });
}

/** Whether a flag name (long or short, dashed or camelCase) is an option of the command that takes a value. */
function valueTakingNames(kinds: OptionKinds): (name: string) => boolean {
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
  return (name) => known.has(name) && !valueless.has(name) && !valueless.has(camelCase(name));
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
