import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { decodeGzipMembers, GzipFormatError } from '../../src/ingest/gzip-members.js';

const text = Buffer.from(Array.from({ length: 20000 }, (_, i) => `[ ${i}.000000] line ${i}`).join('\n') + '\n');

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function decode(bytes: Buffer, size = 65536): Promise<{ out: Buffer; error?: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const part of decodeGzipMembers(chunked(bytes, size))) parts.push(part);
    return { out: Buffer.concat(parts) };
  } catch (error) {
    return { out: Buffer.concat(parts), error };
  }
}

/** A member with every optional header field (RFC 1952 FEXTRA, FNAME, FCOMMENT, FHCRC) set. */
function memberWithAllFields(data: Buffer): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3]);
  const extra = Buffer.from([3, 0, 0xaa, 0xbb, 0xcc]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, extra, Buffer.from('dmesg.txt\0a comment\0'), Buffer.from([0x12, 0x34]), deflateRawSync(data), trailer]);
}

// Tiny chunks put every header field and member boundary across chunk edges; a short text does that as well as a
// long one, which at 1 byte a chunk (a zlib write each) had taken over a minute on a slow, loaded CI host.
const shortText = text.subarray(0, text.indexOf('\n', 2000) + 1);

test.each([1, 7, 4096, 65536])('concatenated members decode to their concatenation, %i-byte chunks', async (size) => {
  const body = size < 4096 ? shortText : text;
  const { out, error } = await decode(Buffer.concat([gzipSync(body), memberWithAllFields(body)]), size);
  expect(error).toBeUndefined();
  expect(out.equals(Buffer.concat([body, body]))).toBe(true);
});

test('zero padding after the last member is accepted', async () => {
  const { out, error } = await decode(Buffer.concat([gzipSync(text), Buffer.alloc(512)]));
  expect(error).toBeUndefined();
  expect(out.equals(text)).toBe(true);
});

test('trailing garbage is an error only after every decoded byte was delivered', async () => {
  const { out, error } = await decode(Buffer.concat([gzipSync(text), Buffer.from('garbage\n')]));
  expect(out.equals(text)).toBe(true);
  expect(error).toBeInstanceOf(GzipFormatError);
});

test('a member cut short is a truncation (zlib code Z_BUF_ERROR), with what was decoded kept', async () => {
  const whole = gzipSync(text);
  const { out, error } = await decode(whole.subarray(0, Math.floor(whole.length / 2)));
  expect((error as { code?: string }).code).toBe('Z_BUF_ERROR');
  expect(out.length).toBeGreaterThan(0);
  expect(text.subarray(0, out.length).equals(out)).toBe(true);
});

test('a wrong CRC-32 is corrupt data', async () => {
  const bad = Buffer.from(gzipSync(text));
  bad.writeUInt32LE((bad.readUInt32LE(bad.length - 8) ^ 1) >>> 0, bad.length - 8);
  expect((await decode(bad)).error).toBeInstanceOf(GzipFormatError);
});

test('a method other than deflate is corrupt data', async () => {
  const bad = Buffer.from(gzipSync(text));
  bad[2] = 7;
  expect((await decode(bad)).error).toBeInstanceOf(GzipFormatError);
});
