import { access, writeFile, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Fails fast, before any input is read, when `--output` cannot be written. */
export async function checkOutputPath(path: string | undefined): Promise<void> {
  if (path === undefined || path === '-') return;
  const dir = dirname(resolve(path));
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory() === true) throw new UsageError(`--output ${path}: is a directory`);
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new UsageError(`--output ${path}: ${dir} is not a directory`);
    await access(dir, constants.W_OK);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--output ${path}: ${code === 'ENOENT' ? `directory ${dir} does not exist` : `cannot write to ${dir} (${code ?? 'error'})`}`);
  }
}

export class StdoutClosedError extends Error {}

/** Writes the rendered report to a file, or to stdout; a closed stdout (`| head`) is reported, not thrown raw. */
export async function writeOutput(text: string, path: string | undefined): Promise<void> {
  if (path !== undefined && path !== '-') {
    try {
      await writeFile(path, text);
    } catch (err) {
      throw new UsageError(`--output ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return;
  }
  await new Promise<void>((resolveWrite, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      reject(err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED' ? new StdoutClosedError('stdout closed') : err);
    };
    process.stdout.once('error', onError);
    process.stdout.write(text, (err) => {
      process.stdout.off('error', onError);
      if (err) onError(err as NodeJS.ErrnoException);
      else resolveWrite();
    });
  });
}
