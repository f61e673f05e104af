import { createReadStream } from 'node:fs';
import { InputError } from '../errors.js';
import { humanBytes } from '../report/human-bytes.js';
import { stdinIsDirectory } from './stdin-directory.js';
import { errnoPhrase } from './errno-phrase.js';

/**
 * The whole of a small file (`-`: standard input) that the tool reads in one piece: a kernel config, an ignore list,
 * a summary, the history database. Past `maxBytes` it stops reading and throws, so `/dev/zero`, a FIFO that never
 * ends or a wrong file cannot take all memory. Errors keep their `code` (ENOENT, EISDIR…) for the caller's message.
 */
export async function readBounded(path: string, maxBytes: number, stdin: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  if (path === '-' && stdin === process.stdin && stdinIsDirectory()) throw new Error('standard input is a directory');
  const stream = path === '-' ? stdin : createReadStream(path);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) throw new Error(`larger than ${humanBytes(BigInt(maxBytes))}`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/** `readBounded`, its failure an InputError naming the file: `cannot read WHAT: no such file` (or the error's code or message). */
export async function readInputFile(path: string, maxBytes: number, what: string, stdin?: NodeJS.ReadableStream): Promise<Buffer> {
  try {
    return await readBounded(path, maxBytes, stdin);
  } catch (err) {
    const why = errnoPhrase(err) ?? (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new InputError(path, `cannot read ${what}: ${why}`);
  }
}
