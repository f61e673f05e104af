import type { ClusterReport, InputReport, VmemmapReport } from './model-types.js';

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export function vmemmapClusters(input: InputReport): ClusterReport[] {
  return input.clusters.filter((c) => c.vmemmap.length > 0);
}

/** A vmemmap finding with the cluster it belongs to. */
export interface FindingOf {
  c: ClusterReport;
  v: VmemmapReport;
}

/** Every vmemmap finding of an input with its cluster, in report order. */
export function vmemmapFindings(input: InputReport): FindingOf[] {
  return vmemmapClusters(input).flatMap((c) => c.vmemmap.map((v) => ({ c, v })));
}

export function lineSpan(c: { firstLine: number; lastLine: number }): string {
  return c.firstLine === c.lastLine ? `${c.firstLine}` : `${c.firstLine}-${c.lastLine}`;
}

/** An input that failed before a byte of it was read (missing, unreadable): its report is its error alone. */
export function notRead(input: InputReport): boolean {
  return input.inputError !== undefined && input.stats.bytes === 0 && input.stats.lines === 0;
}

/** A report that covers only part of its input says so first: a saved report must not pass for a whole one. */
export function partialNotes(input: InputReport): string[] {
  const notes: string[] = [];
  if (notRead(input)) notes.push(`not read: ${input.inputError}`);
  else if (input.inputError !== undefined) {
    // gzip checks its CRC only at the end of a member: all that member decoded to may be garbled, not just its tail.
    const garbled = /\((?:CRC-32|length) mismatch\)$/.test(input.inputError) ? ', which may be garbled too: gzip checks its data only at the end' : '';
    notes.push(`incomplete: reading stopped on ${input.inputError}; this covers the lines before it${garbled}`);
  }
  if (input.interrupted === true) notes.push('incomplete: interrupted; this covers what was read');
  return notes;
}
