/**
 * yargs 18 loses a bare `-` given in a variadic positional (`triage - logs/` parses as paths ['logs/']): it re-reads
 * positionals as `--paths - logs/`, where `-` looks like a flag. This puts the `-` back, where the command line had
 * it among the positionals (`analyze a.log - b.log` reads stdin second), when the raw command line holds more `-`
 * tokens than the options took as values (`-o -`).
 */
export function withStdinPositional(rawArgs: readonly string[], positional: readonly string[], argv: Record<string, unknown>): string[] {
  const end = rawArgs.indexOf('--');
  // After `--` every word is an input, even one that starts with `-` (`analyze -- -x.log`); yargs moves them out of
  // the positional list.
  const afterEnd = end === -1 ? [] : rawArgs.slice(end + 1).filter((a) => !positional.includes(a));
  const words = [...withDash(rawArgs, end, positional, argv), ...afterEnd];
  // Stdin once, however often it is named (stdinRepeatNote says so): a second read would find it drained.
  return words.filter((word, i) => word !== '-' || words.indexOf('-') === i);
}

/**
 * The note for stdin named more than once among the positionals (`analyze - -`, `merge - -`): it is read once, as a
 * file named twice is (distinct-inputs.ts), which had gone without a word. Undefined when it is named once or not.
 */
export function stdinRepeatNote(rawArgs: readonly string[], argv: Record<string, unknown>): string | undefined {
  const end = rawArgs.indexOf('--');
  const before = end === -1 ? rawArgs : rawArgs.slice(0, end);
  const after = end === -1 ? [] : rawArgs.slice(end + 1);
  const times = Math.max(0, dashCount(before) - takenByOptions(before, argv)) + dashCount(after);
  return times > 1 ? `note: - (stdin) is named ${times} times: read once` : undefined;
}

const dashCount = (args: readonly string[]): number => args.filter((a) => a === '-').length;

/**
 * How many bare `-` words of `args` options took as their value (`-o -`). Canonical names only: yargs also sets
 * one-letter aliases and camelCase copies. A value joined to its flag (`--output=-`) is no bare word: counted, it had
 * hidden a `-` input (`analyze --output=- a.log -` read a.log alone).
 */
function takenByOptions(args: readonly string[], argv: Record<string, unknown>): number {
  const taking = Object.entries(argv).filter(([key, value]) => /^[a-z][a-z-]+$/.test(key) && value === '-').length;
  const joined = args.filter((a) => /^-{1,2}[A-Za-z][\w-]*=-$/.test(a)).length;
  return Math.max(0, taking - joined);
}

function withDash(rawArgs: readonly string[], end: number, positional: readonly string[], argv: Record<string, unknown>): string[] {
  if (positional.includes('-')) return [...positional];
  const args = end === -1 ? rawArgs : rawArgs.slice(0, end);
  const dashes = dashCount(args);
  const taken = takenByOptions(args, argv);
  if (dashes <= taken) return [...positional];
  const at = stdinPlace(args, positional, taken > 0);
  return [...positional.slice(0, at), '-', ...positional.slice(at)];
}

/** How many positionals come before the bare `-`, walking the command line; a `-` right after a flag is its value. */
function stdinPlace(args: readonly string[], positional: readonly string[], optionsTakeDash: boolean): number {
  let seen = 0;
  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    if (token === '-') {
      const previous = args[i - 1];
      if (optionsTakeDash && previous !== undefined && previous.startsWith('-') && previous !== '-') continue;
      return seen;
    }
    if (seen < positional.length && token === positional[seen]) seen++;
  }
  return 0;
}
