import { openSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { stdinIsDirectory } from './stdin-directory.js';
import { errnoPhrase } from './errno-phrase.js';
import { fifosBeingRead, pendingFifoOpens } from './blocked-fifos.js';
import { open } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { notRegularFile } from './not-regular-file.js';
import { InputError } from '../errors.js';
import { pathArgument } from '../check-inputs.js';
import { decompress, type Compression, type DecompressOptions } from './decompress.js';
import { FileChunks } from './file-chunks.js';
import { checkOptionsObject, optionKeys } from '../util/option-keys.js';
import { inFunction } from '../util/check-argument.js';

export type { Compression } from './decompress.js';

/** An input `openInput` opened: its decompressed byte stream and how to let go of it. */
export interface OpenedInput {
  /** The spec as given: a path (a `file:` URL's path), or `-` for stdin. */
  name: string;
  /** Decompressed bytes. */
  stream: NodeJS.ReadableStream;
  /** The compression found by magic bytes and undone (`none` for plain text). */
  compression: Compression;
  /** A regular file (not stdin, a FIFO or a device): it can be opened again, e.g. for random access. */
  regularFile: boolean;
  /**
   * Lets go of an input that will not be read to its end: its file or FIFO is closed even when nothing was read
   * from `stream` (destroying `stream` alone does not close a file never read from). Stdin is left to its owner.
   */
  close(): void;
  /**
   * From here on the consumer copies whatever it keeps of a chunk before it asks for the eighth after it, as
   * `recycleChunks` says from the start: later chunks of a plain file or of bzip2 output may come from reused
   * buffers. Triage calls it once a head it has looked at is a plain log's.
   */
  recycleChunks(): void;
}

/** 64 KiB reads: 256 KiB and 1 MiB ones were no faster on a quiet 1 GiB log, and a 64 KiB chunk is one scan slice. */
const READ_CHUNK_BYTES = 64 * 1024;
/** A small regular file is read in one go: triage reads thousands of them. */
const WHOLE_FILE_BYTES = 1024 * 1024;

function readChunkBytes(info: Stats): number {
  return info.isFile() && info.size > 0 && info.size <= WHOLE_FILE_BYTES ? info.size + 1 : READ_CHUNK_BYTES;
}

/** Options of `openInput`: the decompression limit and the chunk reuse of plain files. */
export interface OpenOptions extends DecompressOptions {
  /**
   * The consumer copies whatever it keeps of a chunk before it asks for the eighth after it (ChunkPool): an
   * uncompressed regular file may then be read into a few reused buffers (FileChunks.recycleBuffers), and bzip2's
   * output decoded into them (bzip2-blocks.ts). Off by default.
   */
  recycleChunks?: boolean;
}

/** The keys of `OpenOptions`: any other is a UsageError. */
const OPEN_OPTION_KEYS = optionKeys<OpenOptions>()(['maxDecompressedBytes', 'budget', 'recycleChunks']);

/**
 * Opens a file, FIFO or `-` (stdin), given as a path or a `file:` URL, for streaming and undoes any compression.
 * Missing, unreadable and directory inputs fail with a one-line `InputError` naming the input; a path that is no
 * string nor `file:` URL, or an option key that is none of `OpenOptions`', with a `UsageError`.
 */
export async function openInput(given: string | URL, opts: OpenOptions = {}): Promise<OpenedInput> {
  const spec = inFunction('openInput', () => {
    const checked = pathArgument(given);
    checkOptionsObject(opts, OPEN_OPTION_KEYS);
    return checked;
  });
  const raw = spec === '-' ? openStdin() : await openFile(spec);
  let recycling = false;
  const { compression, stream } = await decompress(raw, spec, opts, { recycleOutput: () => recycling });
  const recycleChunks = (): void => {
    recycling = true;
    // Decoders hold on to input chunks; plain bytes go straight to the consumer.
    if (compression === 'none' && raw instanceof FileChunks) raw.recycleBuffers();
  };
  if (opts.recycleChunks === true) recycleChunks();
  const close = (): void => {
    stream.destroy();
    if (raw instanceof FileChunks) raw.close();
    else if (raw !== process.stdin && raw instanceof Readable) raw.destroy();
  };
  return { name: spec, stream, compression, regularFile: raw instanceof FileChunks, close, recycleChunks };
}

/**
 * The bytes [start, end) of an uncompressed regular file, read into recycled buffers (a part of a file read by one
 * thread, analyze/parts/): the consumer must copy what it keeps, as the analyzer does.
 */
export function openFileRange(path: string, range: { start: number; end: number }, sizeAtOpen?: number): FileChunks {
  const chunks = new FileChunks(openSync(path, 'r'), READ_CHUNK_BYTES, range, sizeAtOpen);
  chunks.recycleBuffers();
  return chunks;
}

function openStdin(): NodeJS.ReadableStream {
  if (stdinIsDirectory()) throw new InputError('-', 'standard input is a directory');
  return process.stdin;
}

async function openFile(path: string): Promise<NodeJS.ReadableStream | FileChunks> {
  try {
    // A regular file is opened and read synchronously (file-chunks.ts says why).
    const info = statSync(path);
    if (info.isDirectory()) throw new InputError(path, 'is a directory');
    if (info.isFile()) return new FileChunks(openSync(path, 'r'), readChunkBytes(info), undefined, info.size);
    // A socket cannot be opened (ENXIO, in Node's words): said as a walk that meets one says it.
    if (info.isSocket()) throw new InputError(path, notRegularFile(info));
    // Opening a FIFO waits for its writer (asynchronously, so Ctrl-C still works); reads then follow the writer.
    if (info.isFIFO()) pendingFifoOpens.add(path);
    try {
      const handle = await open(path, 'r');
      const stream = handle.createReadStream({ highWaterMark: readChunkBytes(info) });
      if (info.isFIFO()) {
        fifosBeingRead.set(path, stream);
        stream.once('close', () => fifosBeingRead.delete(path));
      }
      return stream;
    } finally {
      pendingFifoOpens.delete(path);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, describeOpenError(error));
  }
}

function describeOpenError(error: unknown): string {
  return errnoPhrase(error) ?? `cannot open (${error instanceof Error ? error.message : String(error)})`;
}
