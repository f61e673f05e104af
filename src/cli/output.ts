import { access, stat } from 'node:fs/promises';
import { constants, fstat, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError, UsageError } from '../errors.js';
import { replaceFile } from '../util/replace-file.js';

/** `at` takes a write by this process, or a UsageError says why: `${message} (EACCES)`. */
async function assertWritable(at: string, message: string): Promise<void> {
  await access(at, constants.W_OK).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`${message} (${err.code ?? 'error'})`);
  });
}

/** Stdin's stats when it is a regular file; undefined for a pipe, a terminal or none. */
async function fstatStdin(): Promise<Stats | undefined> {
  return new Promise((resolve) => fstat(0, (err, info) => resolve(err === null && info.isFile() ? info : undefined)));
}

/**
 * Fails fast, before any input is read, when `--output` cannot be written, or is one of `inputs` (files the command
 * reads: `analyze x.log -o x.log` had replaced the log with its report).
 */
export async function checkOutputPath(path: string | undefined, flag = '--output', inputs: readonly (string | undefined)[] = []): Promise<void> {
  if (path === undefined || path === '-') return;
  const dir = dirname(resolve(path));
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory() === true) throw new UsageError(`${flag} ${path}: is a directory`);
  if (target !== undefined) {
    for (const input of inputs) {
      if (input === undefined) continue;
      // `-o x.log < x.log`: stdin redirected from the very file (a pipe or terminal is no file to overwrite).
      const info = input === '-' ? await fstatStdin() : await stat(input).catch(() => undefined);
      if (info !== undefined && info.dev === target.dev && info.ino === target.ino) {
        // Stdin may be a log or what a flag reads (`--ignore -`).
        const named = input === '-' ? 'what stdin reads' : input;
        throw new UsageError(`${flag} ${path}: is also an input (${named}), which writing there would overwrite`);
      }
    }
  }
  const info = await stat(dir).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`${flag} ${path}: ${err.code === 'ENOENT' ? `directory ${dir} does not exist` : `cannot write to ${dir} (${err.code ?? 'error'})`}`);
  });
  if (!info.isDirectory()) throw new UsageError(`${flag} ${path}: ${dir} is not a directory`);
  await assertWritable(dir, `${flag} ${path}: cannot write to ${dir}`);
  // A file that is there must take the write too (read-only, immutable): found now, not after all the work.
  if (target !== undefined) await assertWritable(path, `${flag} ${path}: cannot write to it`);
}

/**
 * A directory for reports: there and writable, or creatable under the nearest directory that is (it is created when
 * the first report is written). Checked before any input is read.
 */
export async function checkOutputDir(path: string, flag: string): Promise<void> {
  let at = resolve(path);
  for (;;) {
    const info = await stat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw new UsageError(`${flag} ${path}: cannot reach ${at} (${err.code ?? 'error'})`);
    });
    if (info !== undefined) {
      if (!info.isDirectory()) throw new UsageError(`${flag} ${path}: ${at} is not a directory`);
      await assertWritable(at, `${flag} ${path}: cannot write to ${at}`);
      return;
    }
    const parent = dirname(at);
    if (parent === at) return;
    at = parent;
  }
}

export class StdoutClosedError extends Error {}

/**
 * Writes the rendered report, a string or its pieces in order, to a file (replaceFile) or to stdout; a closed stdout (`| head`)
 * is reported, not thrown raw. Pieces are written one at a time, each once the one before is through.
 */
export async function writeOutput(text: string | Iterable<string>, path: string | undefined): Promise<void> {
  if (path !== undefined && path !== '-') {
    try {
      // Whole or not at all: a full disk leaves the previous report in place, not a cut-off one.
      await replaceFile(path, text);
    } catch (err) {
      throw new OutputError(`--output ${path}: cannot write the report (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return;
  }
  const pieces = (typeof text === 'string' ? [text] : text)[Symbol.iterator]();
  await new Promise<void>((resolveWrite, reject) => {
    let ended = false;
    const end = (failure?: Error): void => {
      if (ended) return;
      ended = true;
      process.stdout.off('error', onError);
      if (failure) reject(failure);
      else resolveWrite();
    };
    function onError(err: NodeJS.ErrnoException): void {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') end(new StdoutClosedError('stdout closed'));
      else end(new OutputError(`stdout: cannot write the report (${err.code ?? err.message})`));
    }
    const writeNext = (): void => {
      if (ended) return;
      let piece: IteratorResult<string>;
      try {
        piece = pieces.next();
      } catch (err) {
        end(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (piece.done === true) end();
      else process.stdout.write(piece.value, (err) => (err ? onError(err as NodeJS.ErrnoException) : writeNext()));
    };
    process.stdout.on('error', onError);
    writeNext();
  });
}
