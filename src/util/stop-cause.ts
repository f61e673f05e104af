/**
 * The signals that stop a run the way Ctrl-C does; the CLI aborts its run with the signal's name as the abort reason
 * (cli/stop-signals.ts), so a run's outputs can say which stopped it. Kept out of cli/, which the package leaves out.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** The stop signal `signal` was aborted with (its reason), or undefined: not aborted, or by another reason (a caller's own abort). */
export function stopSignalOf(signal: AbortSignal | undefined): StopSignal | undefined {
  if (signal?.aborted !== true) return undefined;
  const reason: unknown = signal.reason;
  return STOP_SIGNALS.find((name) => name === reason);
}

/** What stopped a run, in words: `Ctrl-C` for SIGINT, else the signal's name; several (a merge) joined by `and`. */
export function stopWords(signals: readonly StopSignal[]): string {
  return signals.map((name) => (name === 'SIGINT' ? 'Ctrl-C' : name)).join(' and ');
}

/** `interrupted (SIGTERM)`, or `interrupted` alone when what stopped it is not known (`signals` undefined or empty). */
export function interruptedWords(signals: readonly StopSignal[] | undefined): string {
  return signals === undefined || signals.length === 0 ? 'interrupted' : `interrupted (${stopWords(signals)})`;
}

/** The stop signals of several runs once each, in STOP_SIGNALS' order: what a merge of them says stopped it. */
export function stopSignalsUnion(lists: readonly (readonly StopSignal[] | undefined)[]): StopSignal[] {
  const all = new Set(lists.flatMap((list) => list ?? []));
  return STOP_SIGNALS.filter((name) => all.has(name));
}
