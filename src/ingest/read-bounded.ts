import { createReadStream, statSync, type ReadStream } from 'node:fs';
import { ReadInterrupted, untilAborted } from '../until-aborted.js';
import { fifosBeingRead, pendingFifoOpens } from './blocked-fifos.js';
import { InputError } from '../errors.js';
import { humanBytes } from '../report/human-bytes.js';
import { stdinIsDirectory } from './stdin-directory.js';
import { errnoPhrase } from './errno-phrase.js';

/**
 * The whole of a small file (`-`: standard input) that the tool reads in one piece: a kernel config, an ignore list,
 * a summary, the history database. Past `maxBytes` it stops reading and throws, so `/dev/zero`, a FIFO that never
 * ends or a wrong file cannot take all memory. Errors keep their `code` (ENOENT, EISDIR…) for the caller's message.
 */
export async function readBounded(
  path: string,
  maxBytes: number,
  stdin: NodeJS.ReadableStream = process.stdin,
  signal?: AbortSignal,
): Promise<Buffer> {
  if (path === '-' && stdin === process.stdin && stdinIsDirectory()) throw new Error('standard input is a directory');
  const stream = path === '-' ? stdin : openTracked(path);
  const chunks: Buffer[] = [];
  let total = 0;
  // Ctrl-C (`signal`) ends the wait of a FIFO or stdin whose writer is idle, with ReadInterrupted.
  for await (const chunk of untilAborted(stream as AsyncIterable<Buffer | string>, signal)) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) throw new Error(`larger than ${humanBytes(BigInt(maxBytes))}`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A read stream of `path`; a FIFO is listed as waiting to open, then as being read (blocked-fifos.ts), so that a
 * stopped run can free the pool thread its open or read holds, which would keep the process from exiting.
 */
function openTracked(path: string): ReadStream {
  const stream = createReadStream(path);
  if (statSync(path, { throwIfNoEntry: false })?.isFIFO() !== true) return stream;
  pendingFifoOpens.add(path);
  stream.once('open', () => {
    pendingFifoOpens.delete(path);
    fifosBeingRead.set(path, stream);
  });
  stream.once('close', () => {
    pendingFifoOpens.delete(path);
    fifosBeingRead.delete(path);
  });
  return stream;
}

/**
 * `readBounded`, its failure an InputError naming the file: `cannot read WHAT: no such file` (or the error's code or
 * message). A read stopped by `signal` throws ReadInterrupted.
 */
export async function readInputFile(
  path: string,
  maxBytes: number,
  what: string,
  stdin?: NodeJS.ReadableStream,
  signal?: AbortSignal,
): Promise<Buffer> {
  try {
    return await readBounded(path, maxBytes, stdin, signal);
  } catch (err) {
    if (err instanceof ReadInterrupted) throw err;
    const why = errnoPhrase(err) ?? (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new InputError(path, `cannot read ${what}: ${why}`);
  }
}
