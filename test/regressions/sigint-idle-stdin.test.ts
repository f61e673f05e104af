/**
 * Bug: Ctrl-C while stdin (or a FIFO) was open but idle did nothing until its writer sent more data, because the
 * abort was only checked when a chunk arrived; a second Ctrl-C then exited without any report.
 * `vmemwarn analyze -` reading from a console that went quiet is the everyday case.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeStream } from '../../src/api.js';

const SAMPLE = readFileSync(path.resolve(process.cwd(), 'samples/logs/plain-boot-6.6-unrelated-warning.log'));

/** One chunk, then silence forever: a terminal or pipe whose writer stopped. */
async function* quietAfter(chunk: Buffer): AsyncGenerator<Buffer> {
  yield chunk;
  await new Promise<never>(() => undefined);
}

test('an abort while the input is idle ends the read at once, with the report of what was read', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const result = await analyzeStream(quietAfter(SAMPLE), { name: '-', signal: controller.signal });
  expect(result.interrupted).toBe(true);
  expect(result.inputError).toBeUndefined();
  expect(result.clusters.map((c) => c.title)).toEqual(['WARNING in clk_core_disable']);
});
