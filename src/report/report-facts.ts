import type { ClusterReport, InputReport } from './model-types.js';

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export function vmemmapClusters(input: InputReport): ClusterReport[] {
  return input.clusters.filter((c) => c.vmemmap.length > 0);
}

export function lineSpan(c: { firstLine: number; lastLine: number }): string {
  return c.firstLine === c.lastLine ? `${c.firstLine}` : `${c.firstLine}-${c.lastLine}`;
}
