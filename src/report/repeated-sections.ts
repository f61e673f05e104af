import type { FindingOf } from './report-facts.js';
import { opFunction } from './vmemmap-phrases.js';

/** Where an earlier finding of the same input already showed a section that this one would repeat word for word. */
export interface Repeats {
  layout?: string;
  nextSteps?: string;
}

/**
 * For each finding in report order, the earlier finding (`vmemmap_populate of [id] in boot 0`) whose layout table or next
 * steps it shares: one boot runs one layout, so the Oops after a WARNING storm would print both again.
 */
export function repeatedSections(findings: readonly FindingOf[]): Repeats[] {
  const layouts = new Map<string, string>();
  const steps = new Map<string, string>();
  return findings.map(({ c, v }) => {
    const name = `${opFunction(v.op)} of [${c.id}] in boot ${v.bootIndex}`;
    const repeats: Repeats = {};
    if (v.layout) {
      const key = JSON.stringify(v.layout);
      const earlier = layouts.get(key);
      if (earlier !== undefined) repeats.layout = earlier;
      else layouts.set(key, name);
    }
    if (v.nextSteps.length > 0) {
      const key = JSON.stringify(v.nextSteps);
      const earlier = steps.get(key);
      if (earlier !== undefined) repeats.nextSteps = earlier;
      else steps.set(key, name);
    }
    return repeats;
  });
}
