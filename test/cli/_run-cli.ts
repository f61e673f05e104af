import { PassThrough } from 'node:stream';
import { jest } from '@jest/globals';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/cli-context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `vmemwarn <argv>` in-process as a CI job would: stdout and stderr are not terminals. */
export async function runInProcess(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const stderr = new PassThrough();
  const errChunks: Buffer[] = [];
  stderr.on('data', (chunk: Buffer) => errChunks.push(chunk));
  const outChunks: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    outChunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((arg): arg is () => void => typeof arg === 'function');
    done?.();
    return true;
  }) as typeof process.stdout.write);
  const ctx: CliContext = { stderr, stdoutIsTTY: false, env, signal: new AbortController().signal };
  try {
    const code = await runCli(argv, ctx);
    return { code, stdout: outChunks.join(''), stderr: Buffer.concat(errChunks).toString('utf8') };
  } finally {
    write.mockRestore();
  }
}
