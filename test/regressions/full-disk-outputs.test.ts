/**
 * Found by a review: on a full disk `-o FILE` left a cut-off, invalid summary or report in place of the previous one
 * (triage and analyze), and `--out DIR` left empty or cut-off per-log .json files beside the whole ones.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, SAMPLES } from '../cli/_spawn-cli.js';
import { tempDir } from '../_temp-dirs.js';

/** 4 blocks of 512 bytes (ulimit -f of dash, /bin/sh here; bash counts 1024): what the run may write into one file. */
const LIMIT_BLOCKS = 4;
const LOGS = [`${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`, `${SAMPLES}e4-48-4k-amdgpu-6.10-warn-then-oops.log`];

/** The CLI with a file size limit: a write past it fails with EFBIG (node ignores SIGXFSZ), as on a full disk. */
function runWithSizeLimit(args: readonly string[]): { code: number | null; stderr: string } {
  const run = spawnSync('sh', ['-c', `ulimit -f ${LIMIT_BLOCKS} && exec "$0" bin/vmemwarn "$@"`, process.execPath, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr };
}

const PREVIOUS = '{"previous": "run"}\n';

test.each([
  ['triage', ['triage', '-q', '-j', '1', '-f', 'json', ...LOGS]],
  ['analyze', ['analyze', '-q', '-f', 'json', ...LOGS]],
])('Found by a review: %s -o FILE that cannot be written whole keeps the previous file, exit 3', async (_name, args) => {
  const dir = tempDir('full-disk-output');
  const output = path.join(dir, 'out.json');
  await writeFile(output, PREVIOUS);
  const run = runWithSizeLimit([...args, '-o', output]);
  expect(run.code).toBe(3);
  expect(run.stderr).toContain(`--output ${output}: cannot write the report (EFBIG)`);
  expect(await readFile(output, 'utf8')).toBe(PREVIOUS);
  expect(await readdir(dir)).toEqual(['out.json']);
});

test('Found by a review: triage --out DIR that cannot take a report leaves no cut-off file, and names the log', async () => {
  const dir = tempDir('full-disk-out-dir');
  const outDir = path.join(dir, 'reports');
  const run = runWithSizeLimit(['triage', '-q', '-j', '1', '-f', 'json', '-o', '-', '--out', outDir, ...LOGS]);
  expect(run.code).toBe(3);
  expect(run.stderr).toContain("cannot write this log's report: EFBIG");
  const files = await readdir(outDir).catch(() => []);
  for (const name of files) {
    expect(name).toMatch(/\.(json|md)$/);
    const text = await readFile(path.join(outDir, name), 'utf8');
    expect((await stat(path.join(outDir, name))).size).toBeGreaterThan(0);
    if (name.endsWith('.json')) expect(() => JSON.parse(text) as unknown).not.toThrow();
  }
});
