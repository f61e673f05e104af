import fc from 'fast-check';
import { Readable } from 'node:stream';
import { analyzeStream } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderJson } from '../../src/report/render-json.js';

/** Cut points inside a buffer of `length` bytes (0 … length-1 of them), any byte offset, sorted and distinct. */
export function cutPoints(length: number): fc.Arbitrary<number[]> {
  if (length < 2) return fc.constant([]);
  return fc
    .uniqueArray(fc.integer({ min: 1, max: length - 1 }), { maxLength: Math.min(40, length - 1) })
    .map((cuts) => [...cuts].sort((a, b) => a - b));
}

export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > from) chunks.push(Buffer.from(bytes.subarray(from, cut)));
    from = cut;
  }
  return chunks;
}

/** The JSON report of one input fed as `chunks`: what must not depend on where the chunk boundaries fall. */
export async function jsonReportOf(chunks: Buffer[]): Promise<string> {
  const result = await analyzeStream(Readable.from(chunks), { name: 'fuzz.log' });
  return renderJson(buildReport([result], { tool: { name: 'vmemwarn', version: 'fuzz' } }));
}
