/** Names of logs that more than one of the summaries holds, sorted. */
export function logsInSeveral(summaries: readonly { logs: readonly { name: string }[] }[]): string[] {
  const owner = new Map<string, number>();
  const twice = new Set<string>();
  summaries.forEach((s, i) => {
    for (const log of s.logs) {
      const first = owner.get(log.name);
      if (first === undefined) owner.set(log.name, i);
      else if (first !== i) twice.add(log.name);
    }
  });
  return [...twice].sort();
}

/**
 * What a merge of these summaries should be warned of, or undefined: shards of one run hold disjoint logs, so a log in
 * two of them (a summary merged with itself, a shard given twice) is counted once per summary in every total.
 */
export function logsInSeveralWarning(summaries: readonly { logs: readonly { name: string }[] }[]): string | undefined {
  const twice = logsInSeveral(summaries);
  if (twice.length === 0) return undefined;
  return `${twice.length} log(s) appear in more than one summary and are counted once per summary (${twice[0]}${twice.length > 1 ? ', …' : ''})`;
}
