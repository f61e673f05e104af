/**
 * Bug: `--max-line-bytes 1GiB` was accepted, and a 600 MB line then failed with exit 3 and
 * "-: Cannot create a string longer than 0x1fffffe8 characters": V8's string limit (2^29 - 24 characters) blamed on
 * the input. A cap that can never be honoured is now a usage error.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (d: Buffer) => (text += d.toString()));
  const code = await runCli(argv, { stderr, stdoutIsTTY: false, env: {}, signal: new AbortController().signal });
  return { code, stderr: text };
}

test('a line cap above 256 MiB is refused before any input is read', async () => {
  const { code, stderr } = await run(['analyze', '--max-line-bytes', '1GiB', '/nonexistent/never-read.log']);
  expect(code).toBe(2);
  expect(stderr).toContain("--max-line-bytes must be at most 256MiB, not '1GiB'");
});

test('256 MiB itself is allowed (the missing input is then the error)', async () => {
  const report = path.join(tmpdir(), `vmemwarn-max-line-${process.pid}.txt`);
  const { code, stderr } = await run(['analyze', '--max-line-bytes', '256MiB', '-o', report, '/nonexistent/never-read.log']);
  await rm(report, { force: true });
  expect(code).toBe(3);
  expect(stderr).toContain('/nonexistent/never-read.log');
});
