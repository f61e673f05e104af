/**
 * Bug: register evidence in the layout table named the splat's first line (`cut here`) for every register: on the
 * amdgpu sample "register x5, line 29", where x5 is printed on line 46. Found by a review against the samples.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/api.js';

const FILE = path.resolve(process.cwd(), 'samples/logs/e3-48-4k-amdgpu-populate-storm.log');

test('a value read from a register names the line of the register row it was printed on', async () => {
  const text = readFileSync(FILE, 'utf8');
  const lines = text.split('\n');
  const layout = (await analyzeText(text)).clusters[0]!.vmemmap[0]!.layout!;
  const source = layout.era.source;
  expect(source.kind).toBe('register');
  const lineNo = source.lineNo!;
  const register = source.reg!;
  // Line numbers are 1-based: the row printed there holds the register, with the value the evidence quotes.
  expect(lines[lineNo - 1]).toMatch(new RegExp(`\\b${register} ?: [0-9a-f]{16}`));
  expect(lines[lineNo - 1]).not.toContain('cut here');
});
