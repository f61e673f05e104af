import { crc32, createInflateRaw } from 'node:zlib';
import { ByteReader } from './byte-reader.js';
import { firstEvent } from '../util/first-event.js';

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const DEFLATE = 8;

/** A gzip decoding error that is not a cut-off stream. */
export class GzipFormatError extends Error {}

/** The data ended inside a member: zlib's own code for it, so the format table tells truncation as before. */
function truncated(): Error {
  return Object.assign(new Error('unexpected end of file'), { code: 'Z_BUF_ERROR' });
}

/**
 * Decodes concatenated gzip members (RFC 1952) member by member. zlib's gunzip, meeting bytes after a member that are
 * neither another member nor zero padding, fails inside the very call that inflated the member's last bytes, and
 * that output is lost; here every member is inflated raw, its end found from what the inflater consumed, and only
 * then are the following bytes judged: another member, zero padding (accepted), or garbage (an error after all the
 * log's lines were delivered). Each member's CRC-32 and length are checked.
 */
export async function* decodeGzipMembers(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer, void, undefined> {
  const input = new ByteReader(compressed);
  try {
    yield* decodeMembers(input);
  } finally {
    // Stopped early (an error, the size limit): the file under it is closed, not left open until exit.
    await input.close();
  }
}

async function* decodeMembers(input: ByteReader): AsyncGenerator<Buffer, void, undefined> {
  for (let member = 0; ; member++) {
    const magic = await input.take(2);
    if (magic.length === 0 && member > 0) return;
    if (member > 0 && magic.every((b) => b === 0) && (await input.onlyZerosLeft())) return;
    if (magic.length < 2) throw member === 0 ? truncated() : new GzipFormatError('trailing garbage after the last gzip member');
    if (magic[0] !== 0x1f || magic[1] !== 0x8b) {
      throw new GzipFormatError(member === 0 ? 'not gzip data' : 'trailing garbage after the last gzip member');
    }
    await skipHeader(input);
    let crc = 0;
    let size = 0;
    for await (const out of inflateMember(input)) {
      crc = crc32(out, crc);
      size = (size + out.length) % 2 ** 32;
      yield out;
    }
    const trailer = await input.take(8);
    if (trailer.length < 8) throw truncated();
    if (trailer.readUInt32LE(0) !== crc) throw new GzipFormatError('CRC-32 mismatch');
    if (trailer.readUInt32LE(4) !== size) throw new GzipFormatError('length mismatch');
  }
}

async function skipHeader(input: ByteReader): Promise<void> {
  const fixed = await input.take(8);
  if (fixed.length < 8) throw truncated();
  if (fixed[0] !== DEFLATE) throw new GzipFormatError(`unknown compression method ${fixed[0]}`);
  const flags = fixed[1] ?? 0;
  if (flags & FEXTRA) {
    const len = await input.take(2);
    if (len.length < 2) throw truncated();
    if ((await input.take(len.readUInt16LE(0))).length < len.readUInt16LE(0)) throw truncated();
  }
  if (flags & FNAME && !(await input.skipPastZero())) throw truncated();
  if (flags & FCOMMENT && !(await input.skipPastZero())) throw truncated();
  if (flags & FHCRC && (await input.take(2)).length < 2) throw truncated();
}

/** Events that end a wait for the inflater's write or end callback: after them the callback may never come. */
const INFLATER_STOPS = ['error', 'close'];
/**
 * Input handed to zlib per write: its output is gathered before it is passed on, and deflate inflates up to 1032:1,
 * so a 64 KiB write could hold 66 MB (a gzip of 1 GB of repeated text peaked at 168 MiB).
 */
const MAX_INFLATE_INPUT_BYTES = 16 * 1024;

/** Inflates one raw deflate stream; bytes it did not consume go back to `input`. */
async function* inflateMember(input: ByteReader): AsyncGenerator<Buffer, void, undefined> {
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  const out: Buffer[] = [];
  let ended = false;
  let failure: Error | undefined;
  inflater.on('data', (chunk: Buffer) => out.push(chunk));
  inflater.on('end', () => (ended = true));
  inflater.on('error', (err: Error) => (failure = err));
  let written = 0;
  try {
    for (let chunk = await input.next(MAX_INFLATE_INPUT_BYTES); chunk !== undefined; chunk = await input.next(MAX_INFLATE_INPUT_BYTES)) {
      await firstEvent(inflater, INFLATER_STOPS, (done) => inflater.write(chunk, done));
      written += chunk.length;
      if (failure) throw failure;
      yield* out.splice(0);
      // Input zlib left unconsumed means the deflate stream is complete: the rest belongs to what follows it.
      const unused = written - inflater.bytesWritten;
      if (unused > 0) {
        input.unshift(chunk.subarray(chunk.length - unused));
        return;
      }
    }
    await firstEvent(inflater, INFLATER_STOPS, (done) => inflater.end(done));
    if (failure) throw failure;
    yield* out.splice(0);
    if (!ended) throw truncated();
  } finally {
    inflater.destroy();
  }
}
