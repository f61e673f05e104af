import { PassThrough } from 'node:stream';
import { jest } from '@jest/globals';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/cli-context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `vmemwarn <argv>` in-process as a CI job would: stdout is not a terminal unless `stdoutIsTTY` says so, nor is
 * stderr unless `stderrIsTTY` asks for the interactive case (progress).
 */
export async function runInProcess(
  argv: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; stderrIsTTY?: boolean; stdoutIsTTY?: boolean } = {},
): Promise<CliRun> {
  const stderr: PassThrough & { isTTY?: boolean } = new PassThrough();
  if (opts.stderrIsTTY) Object.assign(stderr, fakeTerminal());
  const errChunks: Buffer[] = [];
  stderr.on('data', (chunk: Buffer) => errChunks.push(chunk));
  const outChunks: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    outChunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((arg): arg is () => void => typeof arg === 'function');
    done?.();
    return true;
  }) as typeof process.stdout.write);
  const ctx: CliContext = { stderr, stdoutIsTTY: opts.stdoutIsTTY === true, env: opts.env ?? {}, signal: new AbortController().signal };
  try {
    const code = await runCli(argv, ctx);
    return { code, stdout: outChunks.join(''), stderr: Buffer.concat(errChunks).toString('utf8') };
  } finally {
    write.mockRestore();
  }
}

/** The tty.WriteStream members a spinner uses; cursor moves are recorded as nothing. */
function fakeTerminal(): object {
  const done = (...args: unknown[]): boolean => {
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  };
  return { isTTY: true, columns: 100, rows: 40, cursorTo: done, moveCursor: done, clearLine: done, clearScreenDown: done };
}
