import { Readable } from 'node:stream';
import { decodeGzipMembers } from './gzip-members.js';
import { ZstdWindowTooLarge, ZstdWindowWatch } from './zstd-window.js';

export type Compression = 'none' | 'gzip' | 'xz' | 'zstd' | 'bzip2';

export interface CompressionFormat {
  compression: Exclude<Compression, 'none'>;
  /** Leading bytes that identify the format. */
  magic: readonly number[];
  decode(compressed: AsyncIterable<Buffer>): AsyncIterable<Uint8Array>;
  /** Whether a decoder error means the data ended early; `inputEnded`: every compressed byte had been read. */
  isTruncation(error: unknown, inputEnded: boolean): boolean;
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

/** One row per format; sniffed by magic bytes, never by file name. Decoder libraries load on first use. */
export const COMPRESSION_FORMATS: readonly CompressionFormat[] = [
  {
    compression: 'gzip',
    magic: [0x1f, 0x8b],
    decode: decodeGzipMembers,
    isTruncation: (error) => errorCode(error) === 'Z_BUF_ERROR',
  },
  {
    compression: 'xz',
    magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    decode: decodeXz,
    // xz-embedded's XZ_BUF_ERROR (8): no progress possible, i.e. the input stopped mid-stream.
    isTruncation: (error) => errorMessage(error).endsWith('error code 8'),
  },
  {
    compression: 'zstd',
    magic: [0x28, 0xb5, 0x2f, 0xfd],
    decode: decodeZstd,
    isTruncation: (error) => errorMessage(error) === 'unexpected EOF',
  },
  {
    compression: 'bzip2',
    // `BZh` then the block size digit.
    magic: [0x42, 0x5a, 0x68],
    decode: decodeBzip2,
    // unbzip2-stream has no error codes: a failure once all input was read means the last block is incomplete.
    isTruncation: (_error, inputEnded) => inputEnded,
  },
];

async function* decodeXz(compressed: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array, void, undefined> {
  const { default: xz } = await import('xz-decompress');
  try {
    yield* new xz.XzReadableStream(Readable.toWeb(Readable.from(compressed)));
  } catch (error) {
    if (!errorMessage(error).endsWith(XZ_MEMLIMIT_ERROR)) throw error;
    throw new UnsupportedCompressedData('xz data whose dictionary is over what the decoder allows (xz -9 and below decode)');
  }
}

async function* decodeBzip2(compressed: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array, void, undefined> {
  const { decodeBzip2Blocks } = await import('./bzip2-blocks.js');
  yield* decodeBzip2Blocks(compressed);
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
      decoder.push(slice);
      yield* out.splice(0);
    }
  }
  decoder.push(new Uint8Array(0), true);
  yield* out.splice(0);
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
