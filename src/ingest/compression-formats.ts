import { Readable } from 'node:stream';
import { decodeGzipMembers } from './gzip-members.js';
import { ZstdWindowTooLarge, ZstdWindowWatch } from './zstd-window.js';

/** A compression `openInput` recognises by its magic bytes and undoes; `none`: the bytes are read as they are. */
export type Compression = 'none' | 'gzip' | 'xz' | 'zstd' | 'bzip2';

export interface CompressionFormat {
  compression: Exclude<Compression, 'none'>;
  /** Leading bytes that identify the format: any one of these sequences. */
  magics: readonly (readonly number[])[];
  /** `opts.recycleOutput`, once it says yes: the consumer copies what it keeps of a chunk in time (ChunkPool). */
  decode(compressed: AsyncIterable<Buffer>, opts?: DecodeOptions): AsyncIterable<Uint8Array>;
  /** Whether a decoder error means the data ended early; `inputEnded`: every compressed byte had been read. */
  isTruncation(error: unknown, inputEnded: boolean): boolean;
}

/** How a decoder may hand its output over. */
export interface DecodeOptions {
  /** Output buffers may be written again once the consumer has read past them (ChunkPool; bzip2 only). */
  recycleOutput?: () => boolean;
}

/** Compressed data that is valid but asks for more than vmemwarn decodes: said as it is, not as corruption. */
export class UnsupportedCompressedData extends Error {}

/** xz-embedded's XZ_MEMLIMIT_ERROR: the stream's dictionary is over the decoder's memory limit. */
const XZ_MEMLIMIT_ERROR = 'error code 4';

/**
 * zstd input is fed in slices so that one slice of a highly compressed frame cannot inflate without bound before the
 * size limit sees it: a 128 KiB block can come from a few bytes, and a zstd -19 file of 1 GB of repeated text peaked
 * at 238 MiB with 4 KiB slices, 109 MiB with these (a plain log's 85–93 MiB is fzstd's fresh array per block).
 */
const ZSTD_SLICE_BYTES = 256;

/**
 * `BZh`, the block size digit '1'-'9', then the first block's magic (the BCD digits of pi) or, for a stream of no
 * blocks, the end-of-stream magic (those of sqrt(pi)). `BZh` and a digit alone can start a line of text, and had
 * made such a text file "corrupt bzip2 data".
 */
const BZIP2_MAGICS: readonly (readonly number[])[] = [0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39].flatMap((level) => [
  [0x42, 0x5a, 0x68, level, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59],
  [0x42, 0x5a, 0x68, level, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90],
]);

/** One row per format; sniffed by magic bytes, never by file name. Decoder libraries load on first use. */
export const COMPRESSION_FORMATS: readonly CompressionFormat[] = [
  {
    compression: 'gzip',
    magics: [[0x1f, 0x8b]],
    decode: decodeGzipMembers,
    isTruncation: (error) => errorCode(error) === 'Z_BUF_ERROR',
  },
  {
    compression: 'xz',
    magics: [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
    decode: decodeXz,
    // xz-embedded's XZ_BUF_ERROR (8): no progress possible, i.e. the input stopped mid-stream.
    isTruncation: (error) => errorMessage(error).endsWith('error code 8'),
  },
  {
    compression: 'zstd',
    magics: [[0x28, 0xb5, 0x2f, 0xfd]],
    decode: decodeZstd,
    isTruncation: (error) => errorMessage(error) === 'unexpected EOF',
  },
  {
    compression: 'bzip2',
    magics: BZIP2_MAGICS,
    decode: decodeBzip2,
    // unbzip2-stream has no error codes: the data ended early when the decoder asked for bits past the last byte
    // (bzip2-blocks.ts). Any other failure, also in the last or only block, is corruption: a one-block file with
    // three bytes overwritten had been called truncated, where `bzip2 -t` reports a CRC error.
    isTruncation: (error, inputEnded) => inputEnded && errorMessage(error) === BZIP2_ENDED_EARLY,
  },
];

/**
 * xz input is fed in slices: xz-decompress hands over what one decoder call wrote only when the call succeeds, so a
 * call that met corrupt data lost all it had decoded first: up to its 64 KiB output buffer, from as much input as it
 * had been given (a flipped byte in the stream footer cost 1087 of the 2230 lines of a log that `xz -dc` gives whole;
 * one in its middle, all 936 lines `xz -dc` gives before the bad block). A 1 KiB slice bounds that loss to what 1 KiB
 * of input decodes to (still at most 64 KiB): those two logs keep 2128 and 803 lines (4 KiB slices: 1578 and 534;
 * 512 bytes: 2128 and 905), and a 10 MB .xz of the storm 100 MiB bench log takes 2.95 s against 2.73 s unsliced.
 */
const XZ_SLICE_BYTES = 1024;

/** xz-embedded's error codes, as xz-decompress reports them (`... failed with error code 7`), in words. */
const XZ_ERRORS: Readonly<Record<string, string>> = {
  '5': 'no xz stream where one should start (XZ_FORMAT_ERROR)',
  '6': 'xz options the decoder does not support (XZ_OPTIONS_ERROR)',
  '7': 'data that does not decode, or fails its check (XZ_DATA_ERROR)',
};

async function* decodeXz(compressed: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array, void, undefined> {
  const { default: xz } = await import('xz-decompress');
  try {
    yield* new xz.XzReadableStream(Readable.toWeb(Readable.from(sliced(compressed, XZ_SLICE_BYTES))));
  } catch (error) {
    const message = errorMessage(error);
    if (message.endsWith(XZ_MEMLIMIT_ERROR)) {
      throw new UnsupportedCompressedData('xz data whose dictionary is over what the decoder allows (xz -9 and below decode)');
    }
    const words = XZ_ERRORS[/error code (\d+)$/.exec(message)?.[1] ?? ''];
    throw words === undefined ? error : new Error(words);
  }
}

async function* sliced(chunks: AsyncIterable<Buffer>, bytes: number): AsyncGenerator<Buffer, void, undefined> {
  for await (const chunk of chunks) for (let at = 0; at < chunk.length; at += bytes) yield chunk.subarray(at, at + bytes);
}

const BZIP2_CRC_MISMATCH = 'a block or the stream fails its CRC check';
/** What bzip2-blocks.ts throws when the input ends inside the stream (a constant there would load the decoder). */
const BZIP2_ENDED_EARLY = 'input stream ended prematurely';

/**
 * unbzip2-stream's messages, for the user: its CRC and magic checks say what failed, its Huffman-table checks are
 * jokes ("meow i'm a kitty, that's an error").
 */
function bzip2Words(message: string): string {
  if (message.includes('crc32 do not match')) return BZIP2_CRC_MISMATCH;
  if (message === 'No magic number found' || message === 'Not a BZIP archive') return 'no bzip2 stream where one should start';
  if (message === BZIP2_ENDED_EARLY) return message;
  return 'a block that does not decode';
}

async function* decodeBzip2(
  compressed: AsyncIterable<Buffer>,
  opts: DecodeOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const { decodeBzip2Blocks } = await import('./bzip2-blocks.js');
  try {
    yield* decodeBzip2Blocks(compressed, opts);
  } catch (error) {
    // An error of the input itself (a read failing) is passed on as it is.
    if (!(error instanceof Error) || (error.name !== 'Bzip2Error' && error.message !== BZIP2_ENDED_EARLY)) throw error;
    throw new Error(bzip2Words(error.message));
  }
}

async function* decodeZstd(compressed: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array, void, undefined> {
  const { Decompress } = await import('fzstd');
  const out: Uint8Array[] = [];
  const decoder = new Decompress((data) => {
    out.push(data);
  });
  const windows = new ZstdWindowWatch();
  for await (const chunk of compressed) {
    for (let at = 0; at < chunk.length; at += ZSTD_SLICE_BYTES) {
      const slice = chunk.subarray(at, at + ZSTD_SLICE_BYTES);
      try {
        windows.push(slice);
      } catch (error) {
        if (!(error instanceof ZstdWindowTooLarge)) throw error;
        throw new UnsupportedCompressedData(error.message);
      }
      const failure = pushCatching(decoder, slice, false);
      yield* out.splice(0);
      if (failure !== undefined) throw failure.error;
    }
  }
  const failure = pushCatching(decoder, new Uint8Array(0), true);
  yield* out.splice(0);
  if (failure !== undefined) throw failure.error;
}

/**
 * One push into fzstd, its error caught: a push hands each block over as it decodes it, and then throws on what
 * follows (padding or garbage after a frame), so the blocks of that push must be kept before the error is passed on.
 * They had been dropped with it: a .zst with zeros after its frame gave 0 lines where `zstd -dc` gives all.
 */
function pushCatching(decoder: { push(chunk: Uint8Array, final?: boolean): void }, chunk: Uint8Array, final: boolean): { error: unknown } | undefined {
  try {
    decoder.push(chunk, final);
    return undefined;
  } catch (error) {
    return { error };
  }
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
