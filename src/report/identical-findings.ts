import type { FindingOf } from './report-facts.js';

/** A finding as shown, and the later boots whose finding of the same cluster says the same (`alsoIn`, boot indexes). */
export interface FoldedFinding extends FindingOf {
  alsoIn: number[];
}

// Two boots of one machine differ in their boot index and in the log lines each number came from, nothing else.
const bootSpecific = (key: string, value: unknown) => (key === 'bootIndex' || key === 'lineNo' ? undefined : value);

/**
 * Findings in report order, each folded into the first of its cluster that is the same but for the boot and the line
 * numbers: a log of 50 reboots into the same storm reads as one finding seen in 50 boots, not 50 findings.
 */
export function foldIdenticalFindings(findings: readonly FindingOf[]): FoldedFinding[] {
  const firstOf = new Map<string, FoldedFinding>();
  const out: FoldedFinding[] = [];
  for (const { c, v } of findings) {
    const key = `${c.id}\n${JSON.stringify(v, bootSpecific)}`;
    const first = firstOf.get(key);
    if (first) {
      first.alsoIn.push(v.bootIndex);
      continue;
    }
    const folded = { c, v, alsoIn: [] };
    firstOf.set(key, folded);
    out.push(folded);
  }
  return out;
}

/** `1–15, 17, 20–22`: sorted indexes as runs. */
export function indexRuns(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** The line under a folded finding's verdict: `The same finding, but for line numbers, in 15 more boots: 1–15.` */
export function alsoInPhrase(alsoIn: readonly number[]): string | undefined {
  if (alsoIn.length === 0) return undefined;
  const boots = alsoIn.length === 1 ? '1 more boot' : `${alsoIn.length} more boots`;
  return `The same finding, but for line numbers, in ${boots}: ${indexRuns(alsoIn)}.`;
}
