import { link, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distinctInputs } from '../../src/cli/distinct-inputs.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-distinct-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// Found by a review: `analyze s.log s.log` reported 80 splats in 2 clusters for a log of 40 in one.
test('a file named again, by any path or a hard link, is left out and said; the rest keep their order', async () => {
  const a = path.join(dir, 'a.log');
  const b = path.join(dir, 'b.log');
  await writeFile(a, 'a');
  await writeFile(b, 'b');
  await link(a, path.join(dir, 'a-link.log'));
  const repeats: [string, string][] = [];
  const specs = [a, b, path.join(dir, '.', 'a.log'), '-', path.join(dir, 'missing.log'), path.join(dir, 'a-link.log'), path.join(dir, 'missing.log')];
  const inputs = await distinctInputs(specs, (spec, first) => repeats.push([spec, first]));
  expect(inputs).toEqual([a, b, '-', path.join(dir, 'missing.log'), path.join(dir, 'missing.log')]);
  expect(repeats).toEqual([
    [path.join(dir, '.', 'a.log'), a],
    [path.join(dir, 'a-link.log'), a],
  ]);
});
