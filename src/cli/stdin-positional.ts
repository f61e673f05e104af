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
  return [...withDash(rawArgs, end, positional, argv), ...afterEnd];
}

function withDash(rawArgs: readonly string[], end: number, positional: readonly string[], argv: Record<string, unknown>): string[] {
  if (positional.includes('-')) return [...positional];
  const args = end === -1 ? rawArgs : rawArgs.slice(0, end);
  const dashes = args.filter((a) => a === '-').length;
  // Canonical option names only: yargs also sets one-letter aliases and camelCase copies of every option.
  const takenByOptions = Object.entries(argv).filter(([key, value]) => /^[a-z][a-z-]+$/.test(key) && value === '-').length;
  if (dashes <= takenByOptions) return [...positional];
  const at = stdinPlace(args, positional, takenByOptions > 0);
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
