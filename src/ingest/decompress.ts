import { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import {
  COMPRESSION_FORMATS,
  UnsupportedCompressedData,
  type Compression,
  type CompressionFormat,
  type DecodeOptions,
} from './compression-formats.js';
import { PeekableSource } from './peekable-source.js';
import { DecompressBudget, DEFAULT_MAX_DECOMPRESSED_BYTES, limitSize } from './size-limit.js';

export type { Compression } from './compression-formats.js';

/** How much decompressed data one input may produce (a decompression bomb guard). */
export interface DecompressOptions {
  /** Decompressed bytes allowed before an `InputError` (default 4 GiB); plain input is not limited. */
  maxDecompressedBytes?: number;
  /** A limit shared with other decompressions of the same input (an archive's members); beats maxDecompressedBytes. */
  budget?: DecompressBudget;
}

export interface Decompressed {
  compression: Compression;
  /** The decompressed bytes; fails with an `InputError` naming the input on corrupt, truncated or oversized data. */
  stream: Readable;
}

const MAGIC_LENGTHS = COMPRESSION_FORMATS.flatMap((f) => f.magics.map((m) => m.length));
const SNIFF_BYTES = Math.max(...MAGIC_LENGTHS);

/** The compression named by `head`'s magic bytes, `'none'` when no format matches. */
export function sniffCompression(head: Buffer): Compression {
  return formatOf(head)?.compression ?? 'none';
}

/**
 * Detects the compression of `input` by its magic bytes and returns the decompressed stream. `decode` is for
 * openInput: how the decoder may hand its output over.
 */
export async function decompress(
  input: NodeJS.ReadableStream | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>,
  name: string,
  opts: DecompressOptions = {},
  decode: DecodeOptions = {},
): Promise<Decompressed> {
  const source = new PeekableSource(input, name);
  const head = await source.peek(SNIFF_BYTES);
  const format = formatOf(head) ?? (source.ended ? formatCutInMagic(head) : undefined);
  if (format === undefined) {
    return { compression: 'none', stream: source.replay() };
  }
  const decoded = decodeOrFail(format, source, name, decode);
  const limited = limitSize(decoded, opts.budget ?? new DecompressBudget(opts.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES), name);
  return { compression: format.compression, stream: Readable.from(limited, { objectMode: false }) };
}

/**
 * `input`'s bytes with any compression undone, the format found on the first read: a read that fails, or a stop
 * (an input under `untilAborted`), while the magic bytes are read is a failure of the iteration, as a later one is,
 * so `analyzeStream` keeps its result and says why.
 */
export async function* decompressedChunks(
  input: NodeJS.ReadableStream | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>,
  name: string,
  opts: DecompressOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const { stream } = await decompress(input, name, opts);
  yield* stream as AsyncIterable<Buffer>;
}

function formatOf(head: Buffer): CompressionFormat | undefined {
  return COMPRESSION_FORMATS.find((f) =>
    f.magics.some((magic) => magic.length <= head.length && magic.every((byte, i) => head[i] === byte)),
  );
}

/** The shortest magic: an input as short as that which begins a longer magic is that format cut short. */
const SHORTEST_MAGIC = Math.min(...MAGIC_LENGTHS);

/**
 * The format whose magic the whole input (`all`) is a beginning of, at least SHORTEST_MAGIC bytes of it: its decoder
 * then says the data ended early. An xz file cut inside its 6-byte magic had been read as text ("not a kernel log",
 * exit 0) where gzip, bzip2 and zstd cut to as few bytes are truncated data (exit 3).
 */
function formatCutInMagic(all: Buffer): CompressionFormat | undefined {
  if (all.length < SHORTEST_MAGIC) return undefined;
  return COMPRESSION_FORMATS.find((f) =>
    f.magics.some((magic) => all.length < magic.length && all.every((byte, i) => magic[i] === byte)),
  );
}

async function* decodeOrFail(
  format: CompressionFormat,
  source: PeekableSource,
  name: string,
  decode: DecodeOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    yield* format.decode(source.chunks(), decode);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof UnsupportedCompressedData) throw new InputError(name, error.message);
    const kind = format.compression;
    if (format.isTruncation(error, source.ended)) throw new InputError(name, `truncated ${kind} data`);
    throw new InputError(name, `corrupt ${kind} data (${error instanceof Error ? error.message : String(error)})`);
  }
}
