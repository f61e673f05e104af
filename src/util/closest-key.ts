/**
 * The known key an unknown one is likely a slip for, or undefined: the same letters in another case or with `_`/`-`
 * (`maxsplatlines`), one that starts with it or that it starts with (`pageSize` for `pageSizeBytes`, `maxSplatLine`
 * for `maxSplatLines`), else one a few edits away (`color` for `colour`, `widht` for `width`). The nearest wins, the first on a tie.
 */
export function closestKey(given: string, known: readonly string[]): string | undefined {
  const g = fold(given);
  let best: { key: string; cost: number } | undefined;
  for (const key of known) {
    const cost = slipCost(g, fold(key));
    if (cost !== undefined && (best === undefined || cost < best.cost)) best = { key, cost };
  }
  return best?.key;
}

function fold(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** 0 for the same folded key, 1 for a prefix either way, 2 + edits for a few edits; undefined for none of these. */
function slipCost(given: string, known: string): number | undefined {
  if (given === known) return 0;
  const shorter = Math.min(given.length, known.length);
  if (shorter >= 3 && (known.startsWith(given) || given.startsWith(known))) return 1;
  // A third of the key's letters, so that short keys need a near match: 'db' is no slip for 'jobs'.
  const allowed = Math.floor(Math.max(given.length, known.length) / 3);
  const edits = editDistance(given, known, allowed);
  return edits <= allowed ? 2 + edits : undefined;
}

/** Edits (insert, delete, replace, swap two neighbours: `widht`) from a to b, or more than `cap` once certainly over. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, (before[j - 2] ?? 0) + 1);
      row.push(cost);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? 0;
}
