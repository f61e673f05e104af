/**
 * The format table read against the formats' own specifications. gzip samples are made by node:zlib; Node 20 has no
 * xz, zstd or bzip2 encoder, so those samples are assembled byte by byte from their specifications (the smallest
 * valid streams: stored/raw blocks, an empty bzip2 stream), with every constant named after the field it fills.
 */
import { crc32, gzipSync } from 'node:zlib';
import { COMPRESSION_FORMATS, type CompressionFormat } from '../../src/ingest/compression-formats.js';

function format(compression: CompressionFormat['compression']): CompressionFormat {
  const found = COMPRESSION_FORMATS.find((f) => f.compression === compression);
  if (!found) throw new Error(`no ${compression} row`);
  return found;
}

async function* inChunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function decodeAll(f: CompressionFormat, data: Buffer, chunkSize = data.length || 1): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of f.decode(inChunks(data, chunkSize))) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** The error `decode` fails with, or a test failure when it succeeds. */
async function decodeError(f: CompressionFormat, data: Buffer): Promise<unknown> {
  try {
    await decodeAll(f, data);
  } catch (error) {
    return error;
  }
  throw new Error(`${f.compression}: decoding ${data.length} bytes did not fail`);
}

const TEXT = Buffer.from(
  Array.from({ length: 200 }, (_, i) => `[ ${i}.000000] WARNING: CPU: 0 PID: ${i} at arch/arm64/mm/mmu.c:1162 vmemmap_populate\n`).join(''),
);

const u32le = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const crc32le = (data: Buffer): Buffer => u32le(crc32(data));

/** xz multibyte integer (xz-file-format §1.2): 7 bits per byte, least significant first, high bit = more follows. */
function xzVarint(n: number): Buffer {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n = Math.floor(n / 0x80);
  } while (n > 0);
  return Buffer.from(out);
}

const padTo4 = (n: number): Buffer => Buffer.alloc((4 - (n % 4)) % 4);

/**
 * One xz stream (tukaani xz-file-format 1.x) holding `data` in one block, check type None, filter LZMA2 whose
 * chunks are all uncompressed (LZMA2 control byte 0x01 = uncompressed chunk with dictionary reset, then the chunk
 * size minus one as big-endian u16; 0x00 ends the LZMA2 data).
 */
function xzStream(data: Buffer): Buffer {
  const streamFlags = Buffer.from([0x00, 0x00]); // §2.1.1.2: reserved byte, then check type 0x00 = None
  const streamHeader = Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), streamFlags, crc32le(streamFlags)]);
  // §3.1: size byte, block flags (1 filter, no sizes), filter flags: ID 0x21 (LZMA2), 1 property byte,
  // dictionary size byte 0 (4 KiB: an uncompressed chunk needs no dictionary); padded to 4, then CRC32.
  const headerBody = Buffer.from([0x00, 0x21, 0x01, 0x00]);
  const headerSize = 1 + headerBody.length + padTo4(1 + headerBody.length).length + 4;
  const headerNoCrc = Buffer.concat([Buffer.from([headerSize / 4 - 1]), headerBody, padTo4(1 + headerBody.length)]);
  const blockHeader = Buffer.concat([headerNoCrc, crc32le(headerNoCrc)]);
  const lzma2: Buffer[] = [];
  for (let at = 0, first = true; at < data.length; at += 0x10000, first = false) {
    const chunk = data.subarray(at, at + 0x10000);
    // 0x01 resets the dictionary (needed on the first chunk), 0x02 keeps it.
    lzma2.push(Buffer.from([first ? 0x01 : 0x02, (chunk.length - 1) >> 8, (chunk.length - 1) & 0xff]), chunk);
  }
  lzma2.push(Buffer.from([0x00]));
  const compressed = Buffer.concat(lzma2);
  // §3.3: Block Padding makes the block a multiple of four bytes; with check None there is no Check field.
  const block = Buffer.concat([blockHeader, compressed, padTo4(blockHeader.length + compressed.length)]);
  // §4: Index Indicator 0x00, record count, one record (Unpadded Size, Uncompressed Size), padding, CRC32.
  const unpaddedSize = blockHeader.length + compressed.length;
  const indexBody = Buffer.concat([Buffer.from([0x00]), xzVarint(1), xzVarint(unpaddedSize), xzVarint(data.length)]);
  const indexNoCrc = Buffer.concat([indexBody, padTo4(indexBody.length)]);
  const index = Buffer.concat([indexNoCrc, crc32le(indexNoCrc)]);
  // §2.1.2: CRC32 of (Backward Size, Stream Flags), Backward Size = index size / 4 - 1, Stream Flags, 'YZ'.
  const backward = Buffer.concat([u32le(index.length / 4 - 1), streamFlags]);
  const footer = Buffer.concat([crc32le(backward), backward, Buffer.from('YZ', 'latin1')]);
  return Buffer.concat([streamHeader, block, index, footer]);
}

/**
 * One zstd frame (RFC 8878 §3.1.1): magic 0xFD2FB528 little-endian, Frame_Header_Descriptor 0xA0 (Single_Segment
 * set, Frame_Content_Size_flag 2 = a 4-byte content size, no checksum, no dictionary), the content size, then
 * blocks. Each block header is 3 bytes little-endian: Last_Block (bit 0), Block_Type (bits 1-2: 0 Raw, 1 RLE),
 * Block_Size (bits 3-23; for RLE the regenerated size, followed by one byte).
 */
function zstdFrame(blocks: ({ raw: Buffer } | { rle: number; count: number })[]): Buffer {
  const contentSize = blocks.reduce((n, b) => n + ('raw' in b ? b.raw.length : b.count), 0);
  const parts = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xa0]), u32le(contentSize)];
  blocks.forEach((b, i) => {
    const last = i === blocks.length - 1 ? 1 : 0;
    const [type, size, body] = 'raw' in b ? [0, b.raw.length, b.raw] : [1, b.count, Buffer.from([b.rle])];
    const header = last | (type << 1) | (size << 3);
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), body);
  });
  return Buffer.concat(parts);
}

/**
 * The empty bzip2 stream: 'BZh' + block size '9', then no block, the end-of-stream magic 0x177245385090 (the BCD
 * digits of sqrt(pi)) and the combined CRC of zero blocks, 0; 80 bits, so no padding.
 */
const EMPTY_BZIP2 = Buffer.from([0x42, 0x5a, 0x68, 0x39, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90, 0x00, 0x00, 0x00, 0x00]);

describe('magic numbers', () => {
  test('each format carries the magic its specification gives', () => {
    const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
    const bzip2Levels = [...'123456789'].map((digit) => ascii(`BZh${digit}`));
    expect(Object.fromEntries(COMPRESSION_FORMATS.map((f) => [f.compression, f.magics.map((m) => [...m])]))).toEqual({
      // RFC 1952 §2.3.1: ID1 = 31, ID2 = 139.
      gzip: [[31, 139]],
      // xz-file-format §2.1.1.1: 0xFD, '7', 'z', 'X', 'Z', 0x00.
      xz: [[0xfd, ...ascii('7zXZ'), 0x00]],
      // RFC 8878 §3.1.1: Magic_Number 0xFD2FB528, little-endian.
      zstd: [[0xfd2fb528 & 0xff, (0xfd2fb528 >>> 8) & 0xff, (0xfd2fb528 >>> 16) & 0xff, 0xfd2fb528 >>> 24]],
      // bzip2: 'B', 'Z', 'h' (Huffman-coded bzip2), the block size digit '1'-'9', then the 48-bit magic of the first
      // block, 0x314159265359 (pi), or of the stream's end, 0x177245385090 (sqrt(pi)), for a stream of no blocks.
      bzip2: bzip2Levels.flatMap((head) => [
        [...head, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59],
        [...head, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90],
      ]),
    });
  });

  test('one row per format', () => {
    expect(COMPRESSION_FORMATS.map((f) => f.compression).sort()).toEqual(['bzip2', 'gzip', 'xz', 'zstd']);
  });

  test('no magic is a prefix of another, so detection does not depend on row order', () => {
    for (const a of COMPRESSION_FORMATS) {
      for (const b of COMPRESSION_FORMATS) {
        if (a === b) continue;
        const prefix = a.magics.some((am) =>
          b.magics.some((bm) => am.length <= bm.length && am.every((byte, i) => bm[i] === byte)),
        );
        expect({ a: a.compression, b: b.compression, prefix }).toEqual({ a: a.compression, b: b.compression, prefix: false });
      }
    }
  });

  test('the samples below start with their format magic (the builders follow the specifications)', () => {
    const samples: [CompressionFormat['compression'], Buffer][] = [
      ['gzip', gzipSync(TEXT)],
      ['xz', xzStream(TEXT)],
      ['zstd', zstdFrame([{ raw: TEXT }])],
      ['bzip2', EMPTY_BZIP2],
    ];
    for (const [compression, sample] of samples) {
      const { magics } = format(compression);
      const matched = magics.filter((magic) => magic.every((byte, i) => sample[i] === byte));
      expect([compression, matched.length]).toEqual([compression, 1]);
    }
  });

  test('CRC-32 used by the xz builder gives the standard check value of "123456789"', () => {
    // The CRC-32 (ISO 3309, as in gzip and xz) check value from the CRC catalogue.
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('gzip (samples from node:zlib)', () => {
  const gzip = format('gzip');

  test('zlib writes CM = 8 (deflate) after the magic', () => {
    // RFC 1952 §2.3.1: the byte after ID1 ID2 is the compression method, 8 = deflate.
    expect(gzipSync(TEXT)[2]).toBe(8);
  });

  test('decodes one member fed a byte at a time', async () => {
    expect((await decodeAll(gzip, gzipSync(TEXT), 1)).equals(TEXT)).toBe(true);
  });

  test('decodes concatenated members as one stream (RFC 1952 §2.2: a file is a series of members)', async () => {
    const half = TEXT.length >> 1;
    const data = Buffer.concat([gzipSync(TEXT.subarray(0, half)), gzipSync(TEXT.subarray(half))]);
    expect((await decodeAll(gzip, data, 1000)).equals(TEXT)).toBe(true);
  });

  test('a member cut short is a truncation', async () => {
    const data = gzipSync(TEXT);
    const error = await decodeError(gzip, data.subarray(0, data.length - 20));
    expect(gzip.isTruncation(error, true)).toBe(true);
  });

  test('a wrong CRC32 in the trailer is corruption, not truncation', async () => {
    const data = Buffer.from(gzipSync(TEXT));
    // RFC 1952 §2.3.1: the member ends with CRC32 (4 bytes) then ISIZE (4 bytes); flip the CRC's first byte.
    const crcAt = data.length - 8;
    data[crcAt] = (data[crcAt] ?? 0) ^ 0xff;
    const error = await decodeError(gzip, data);
    expect(gzip.isTruncation(error, true)).toBe(false);
  });

  test('isTruncation reads zlib Z_BUF_ERROR and nothing else', () => {
    expect(gzip.isTruncation(Object.assign(new Error('x'), { code: 'Z_BUF_ERROR' }), false)).toBe(true);
    expect(gzip.isTruncation(Object.assign(new Error('x'), { code: 'Z_DATA_ERROR' }), true)).toBe(false);
    expect(gzip.isTruncation('Z_BUF_ERROR', true)).toBe(false);
    expect(gzip.isTruncation(null, true)).toBe(false);
  });
});

describe('xz (streams built from the xz file format specification)', () => {
  const xz = format('xz');

  test('decodes a stream of uncompressed LZMA2 chunks', async () => {
    expect((await decodeAll(xz, xzStream(TEXT), 333)).equals(TEXT)).toBe(true);
  });

  test('decodes data spanning several LZMA2 chunks (over 64 KiB)', async () => {
    // 0x10000 bytes per uncompressed chunk: 3 * 0x10000 + 5 bytes need four chunks.
    const big = Buffer.alloc(3 * 0x10000 + 5, 'vmemmap ');
    expect((await decodeAll(xz, xzStream(big), 4096)).equals(big)).toBe(true);
  });

  test('decodes two concatenated streams (xz-file-format §2)', async () => {
    const a = Buffer.from('first stream\n');
    const b = Buffer.from('second stream\n');
    expect((await decodeAll(xz, Buffer.concat([xzStream(a), xzStream(b)]), 7)).toString()).toBe('first stream\nsecond stream\n');
  });

  test('a stream cut inside its block is a truncation', async () => {
    const data = xzStream(TEXT);
    // 12-byte stream header + 12-byte block header + some of the block data.
    const error = await decodeError(xz, data.subarray(0, 12 + 12 + 100));
    expect(xz.isTruncation(error, true)).toBe(true);
  });

  // Found by an adversarial run: a flipped footer byte had cost half of a log that `xz -dc` gives whole, as
  // xz-decompress drops what a failing decoder call wrote, and one call had been handed all the input at once.
  test('corrupt data after the block: what decoded before its last slice is kept, and the error says so in words', async () => {
    // The decoder takes its input 64 KiB at a time: these 171 KB end 40 KB into a third helping.
    const big = Buffer.alloc(2 * 0x10000 + 40_000, 'vmemmap ');
    const data = Buffer.from(xzStream(big));
    // The footer's first four bytes are the CRC32 of its Backward Size and Stream Flags (§2.1.2).
    const footer = data.length - 12;
    data[footer] = (data[footer] ?? 0) ^ 0xff;
    const parts: Buffer[] = [];
    let failure: unknown;
    try {
      for await (const part of xz.decode(inChunks(data, data.length))) parts.push(Buffer.from(part));
    } catch (error) {
      failure = error;
    }
    // At most the output of the last 1 KiB slice fed to the decoder is lost (here, stored chunks: 1 KiB).
    const out = Buffer.concat(parts);
    expect(big.subarray(0, out.length).equals(out)).toBe(true);
    expect(out.length).toBeGreaterThanOrEqual(big.length - 1024);
    expect((failure as Error).message).toBe('data that does not decode, or fails its check (XZ_DATA_ERROR)');
    expect(xz.isTruncation(failure, true)).toBe(false);
  });

  test('a stream with a wrong header CRC is corruption, not truncation', async () => {
    const data = Buffer.from(xzStream(TEXT));
    // Bytes 8..11 are the CRC32 of the stream flags (§2.1.1.3).
    data[8] = (data[8] ?? 0) ^ 0xff;
    const error = await decodeError(xz, data);
    expect(xz.isTruncation(error, true)).toBe(false);
  });
});

describe('zstd (frames built from RFC 8878)', () => {
  const zstd = format('zstd');

  test('decodes a frame with one raw block', async () => {
    expect((await decodeAll(zstd, zstdFrame([{ raw: TEXT }]), 100)).equals(TEXT)).toBe(true);
  });

  test('decodes a raw block larger than the 4 KiB feed slice, delivered in one chunk', async () => {
    const big = Buffer.alloc(10_000, 'page ');
    expect((await decodeAll(zstd, zstdFrame([{ raw: big }]))).equals(big)).toBe(true);
  });

  test('an RLE block expands one byte (a few compressed bytes become 100000)', async () => {
    const frame = zstdFrame([{ raw: Buffer.from('head\n') }, { rle: 0x41, count: 100_000 }]);
    // 4 magic + 1 descriptor + 4 content size + (3 + 5) raw block + (3 + 1) RLE block.
    expect(frame.length).toBe(4 + 1 + 4 + 3 + 5 + 3 + 1);
    const out = await decodeAll(zstd, frame);
    expect(out.length).toBe(5 + 100_000);
    expect(out.subarray(0, 5).toString()).toBe('head\n');
    expect(out.subarray(5).every((b) => b === 0x41)).toBe(true);
  });

  test('decodes two concatenated frames (RFC 8878 §3.1: one or more frames)', async () => {
    const data = Buffer.concat([zstdFrame([{ raw: Buffer.from('one\n') }]), zstdFrame([{ raw: Buffer.from('two\n') }])]);
    expect((await decodeAll(zstd, data, 3)).toString()).toBe('one\ntwo\n');
  });

  test('a frame cut inside its block is a truncation', async () => {
    const data = zstdFrame([{ raw: TEXT }]);
    const error = await decodeError(zstd, data.subarray(0, data.length - 10));
    expect(zstd.isTruncation(error, true)).toBe(true);
  });

  // Found by a review: `(zstd -c x.log; head -c 100 /dev/zero) > padded.zst` gave 0 lines, where `zstd -dc` gives all
  // and gzip and xz with the same padding keep everything: fzstd hands a block over and then throws on the padding in
  // the same push, and that push's blocks were dropped with the error.
  test.each([
    ['in one chunk', undefined],
    ['fed 100 bytes at a time', 100],
  ])('Found by a review: padding after the frame (%s): all it decoded is kept, then the error, as corruption', async (_name, chunkSize) => {
    // 100 zero bytes, as a disk image or a copy tool pads: no frame magic (RFC 8878 §3.1.1: 0xFD2FB528).
    const data = Buffer.concat([zstdFrame([{ raw: TEXT }]), Buffer.alloc(100)]);
    const parts: Buffer[] = [];
    let failure: unknown;
    try {
      for await (const part of zstd.decode(inChunks(data, chunkSize ?? data.length))) parts.push(Buffer.from(part));
    } catch (error) {
      failure = error;
    }
    expect(Buffer.concat(parts).equals(TEXT)).toBe(true);
    expect(failure).toBeInstanceOf(Error);
    expect(zstd.isTruncation(failure, true)).toBe(false);
  });

  test('isTruncation only for the message "unexpected EOF"', () => {
    expect(zstd.isTruncation(new Error('unexpected EOF'), true)).toBe(true);
    expect(zstd.isTruncation(new Error('invalid zstd data'), true)).toBe(false);
  });
});

describe('bzip2 (the empty stream, built from the format)', () => {
  const bzip2 = format('bzip2');

  test('the empty stream decodes to nothing', async () => {
    expect((await decodeAll(bzip2, EMPTY_BZIP2, 3)).length).toBe(0);
  });

  test('a stream cut before its end-of-stream marker fails', async () => {
    // 'BZh9' and half the 48-bit end-of-stream magic.
    await decodeError(bzip2, EMPTY_BZIP2.subarray(0, 7));
  });

  test('isTruncation is whether the decoder ran out of input, all of it read (unbzip2-stream has no error codes)', () => {
    const endedEarly = new Error('input stream ended prematurely');
    expect(bzip2.isTruncation(endedEarly, true)).toBe(true);
    expect(bzip2.isTruncation(endedEarly, false)).toBe(false);
    // A robustness audit: a one-block file with bytes overwritten in its middle had been called truncated.
    expect(bzip2.isTruncation(new Error('a block that does not decode'), true)).toBe(false);
  });

  // Found by an adversarial run: a whole file with a CRC error was reported as truncated.
  test('a stream CRC that does not match is corruption, in words, even with all input read', async () => {
    const wrongCrc = Buffer.from(EMPTY_BZIP2);
    wrongCrc[13] = 0x01;
    const error = await decodeError(bzip2, wrongCrc);
    expect((error as Error).message).toBe('a block or the stream fails its CRC check');
    expect(bzip2.isTruncation(error, true)).toBe(false);
  });

  test("unbzip2-stream's other checks become one plain phrase (its own are jokes)", async () => {
    // Neither the end-of-stream magic nor a block's (0x314159265359) after the header.
    const noMagic = Buffer.from(EMPTY_BZIP2);
    noMagic[4] = 0x18;
    expect(((await decodeError(bzip2, noMagic)) as Error).message).toBe('a block that does not decode');
  });
});
