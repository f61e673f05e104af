/**
 * yargs 18 loses a bare `-` given in a variadic positional (`triage - logs/` parses as paths ['logs/']): it re-reads
 * positionals as `--paths - logs/`, where `-` looks like a flag. This puts the `-` back (first: stdin is read once)
 * when the raw command line holds more `-` tokens than the options took as values (`-o -`).
 */
export function withStdinPositional(rawArgs: readonly string[], positional: readonly string[], argv: Record<string, unknown>): string[] {
  if (positional.includes('-')) return [...positional];
  const end = rawArgs.indexOf('--');
  const dashes = (end === -1 ? rawArgs : rawArgs.slice(0, end)).filter((a) => a === '-').length;
  // Canonical option names only: yargs also sets one-letter aliases and camelCase copies of every option.
  const takenByOptions = Object.entries(argv).filter(([key, value]) => /^[a-z][a-z-]+$/.test(key) && value === '-').length;
  return dashes > takenByOptions ? ['-', ...positional] : [...positional];
}
