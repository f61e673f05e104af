import { MAX_ZSTD_WINDOW_BYTES, ZstdWindowTooLarge, ZstdWindowWatch } from '../../src/ingest/zstd-window.js';

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** A block header (RFC 8878 §3.1.1.2): Last_Block, Block_Type, Block_Size, little-endian in 3 bytes. */
function blockHeader(last: boolean, type: number, size: number): number[] {
  const v = (last ? 1 : 0) | (type << 1) | (size << 3);
  return [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff];
}

/** A frame with a Window_Descriptor of exponent `exp` (window 2^(10 + exp)), a raw block, an RLE block, a checksum. */
function frame(exp: number, payload = 'hello'): Buffer {
  const descriptor = 0b0000_0100; // Content_Checksum_flag
  return Buffer.from([
    ...MAGIC, descriptor, exp << 3,
    ...blockHeader(false, 0, payload.length), ...Buffer.from(payload),
    ...blockHeader(true, 1, 9), 0x41, // RLE: one byte, repeated 9 times
    1, 2, 3, 4,
  ]);
}

function skippable(bytes: number): Buffer {
  return Buffer.from([0x5a, 0x2a, 0x4d, 0x18, bytes & 0xff, 0, 0, 0, ...new Array<number>(bytes).fill(0xee)]);
}

function watch(data: Buffer, pieceBytes = data.length): void {
  const w = new ZstdWindowWatch();
  for (let at = 0; at < data.length; at += pieceBytes) w.push(data.subarray(at, at + pieceBytes));
}

test('the limit is zstd\'s own default: a window of 2^27', () => {
  expect(MAX_ZSTD_WINDOW_BYTES).toBe(2 ** 27);
});

test('a frame whose window is over the limit throws, naming the window', () => {
  expect(() => watch(frame(20))).toThrow(ZstdWindowTooLarge);
  expect(() => watch(frame(20))).toThrow('zstd data whose window is 1024 MiB, over the 128 MiB');
  expect(() => watch(frame(17))).not.toThrow();
});

test('frames are followed through their blocks, checksums and skippable frames, however the bytes are cut', () => {
  const data = Buffer.concat([frame(13, 'x'.repeat(300)), skippable(7), frame(17), frame(18)]);
  for (const piece of [1, 2, 5, 64, data.length]) {
    expect(() => watch(data, piece)).toThrow(new ZstdWindowTooLarge(2 ** 28));
  }
  expect(() => watch(Buffer.concat([frame(13), skippable(7), frame(17)]), 1)).not.toThrow();
});

test('a single-segment frame\'s window is its content size (8 bytes here)', () => {
  const huge = Buffer.from([...MAGIC, 0b1110_0000, 0, 0, 0, 0x40, 0, 0, 0, 0, ...blockHeader(true, 0, 0)]);
  expect(() => watch(huge)).toThrow(new ZstdWindowTooLarge(2 ** 30));
  const small = Buffer.from([...MAGIC, 0b0010_0000, 5, ...blockHeader(true, 0, 5), ...Buffer.from('hello')]);
  expect(() => watch(Buffer.concat([small, frame(20)]))).toThrow(new ZstdWindowTooLarge(2 ** 30));
});

test('bytes that are no frame stop the watch: the decoder reports them', () => {
  expect(() => watch(Buffer.concat([frame(13), Buffer.from('garbage'), frame(20)]))).not.toThrow();
});
