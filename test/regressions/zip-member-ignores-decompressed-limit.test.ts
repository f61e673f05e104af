/**
 * Bug: `vmemwarn triage logs.zip --max-decompressed 10MiB` read a 286 MiB member out of a 710 KiB zip: the
 * decompression-bomb limit guarded gzip/xz/zstd/bzip2 streams but not zip members, which yauzl inflates itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import { hasTool } from '../triage/fixture-tree.js';

(hasTool('zip') ? test : test.skip)('a zip member over the limit is an input error naming it; the limit raised, it is read', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-zip-limit-'));
  try {
    // 200 000 lines of 20 bytes: 4 000 000 bytes, between the two limits tried, deflated by zip to a few KiB. Kernel
    // lines (a printk time): a text with none is no log, and its lines would not count.
    const lines = 200_000;
    await writeFile(path.join(dir, 'console.log'), '[    1.000000] hi!!\n'.repeat(lines));
    execFileSync('zip', ['-q', 'logs.zip', 'console.log'], { cwd: dir });
    const zip = path.join(dir, 'logs.zip');
    const triage = async (limit: string) => {
      const stderr = new PassThrough();
      const summaryFile = path.join(dir, `summary-${limit}.json`);
      const argv = ['triage', '-j', '1', '--format', 'json', '-o', summaryFile, '--max-decompressed', limit, zip];
      const code = await runCli(argv, { stderr, stdoutIsTTY: false, env: {}, signal: new AbortController().signal });
      return { code, summary: JSON.parse(await readFile(summaryFile, 'utf8')) as { issues: { input: string; reason: string }[]; totals: { lines: number } } };
    };
    const limited = await triage('1MiB');
    expect(limited.code).toBe(3);
    expect(limited.summary.issues).toContainEqual(
      // 1048576 = 1 MiB.
      expect.objectContaining({ input: `${zip}:console.log`, reason: 'decompressed data exceeds the limit of 1048576 bytes (--max-decompressed; maxDecompressedBytes in the API)' }),
    );
    const raised = await triage('8MiB');
    expect(raised.code).toBe(0);
    expect(raised.summary.totals.lines).toBe(lines);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
