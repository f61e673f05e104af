import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { Transform, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { CorruptMemberData, type ArchiveMember } from './archive-member.js';
import { ZipExtents } from './zip-extents.js';

const S_IFMT = 0o170000;
const STORED = 0;
const DEFLATE = 8;
const S_IFLNK = 0o120000;

/** Opens a zip by path (random access from the file: nothing is loaded whole). */
export function openZipFile(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, autoClose: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

/** Opens a zip held in memory (a zip met inside another archive, buffered up to a cap by the caller). */
export function openZipBuffer(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

/**
 * Streams the members of an opened zip in central-directory order. Names are not validated by yauzl
 * (`decodeStrings: false`) so that unsafe names are reported by the caller instead of aborting the archive.
 * The zip is closed when the iteration ends.
 */
export async function* zipMembers(zip: ZipFile): AsyncGenerator<ArchiveMember> {
  const extents = new ZipExtents();
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = decodeName(entry);
      const unixMode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (!extents.add(entry.relativeOffsetOfLocalHeader, entry.compressedSize)) {
        yield { name, kind: 'file', size: entry.uncompressedSize, overlapping: true };
      } else if (name.endsWith('/')) {
        yield { name, kind: 'directory' };
      } else if (unixMode === S_IFLNK) {
        yield { name, kind: 'symlink', size: entry.uncompressedSize };
      } else if (entry.isEncrypted()) {
        yield { name, kind: 'file', size: entry.uncompressedSize, encrypted: true };
      } else if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATE) {
        // yauzl reads only these two; opening another would fail the whole archive, not this member.
        yield { name, kind: 'file', size: entry.uncompressedSize, unsupportedCompression: entry.compressionMethod };
      } else {
        const raw = await openEntry(zip, entry);
        raw.on('error', () => undefined);
        const checked = crcChecked(raw, entry.crc32);
        // The Info-ZIP or NTFS timestamp where the member has one, else its DOS time (local time, 2 s steps).
        const mtimeMs = entry.getLastModDate().getTime();
        yield {
          name,
          kind: 'file',
          size: entry.uncompressedSize,
          ...(Number.isFinite(mtimeMs) && { mtimeMs }),
          stream: checked.stream,
          failure: checked.failure,
          ...(entry.compressionMethod === DEFLATE && { inflated: true }),
        };
        if (!checked.stream.readableEnded) {
          checked.stream.destroy();
          raw.destroy();
        }
      }
    }
  } finally {
    zip.close();
  }
}

function decodeName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  // General purpose bit 11: the name is UTF-8; otherwise it is CP437, whose ASCII range is what matters here.
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : raw.toString('latin1');
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: Entry): void => (cleanup(), resolve(e));
    const onEnd = (): void => (cleanup(), resolve(undefined));
    const onError = (err: Error): void => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
  });
}

/**
 * The member's data as read, with its CRC-32 checked at the end (yauzl does not check it): a stored member corrupted
 * on disk would otherwise be read as if it were sound, where a gzip file's CRC is checked.
 */
function crcChecked(raw: Readable, expected: number): { stream: Readable; failure: () => Error | undefined } {
  let crc = 0;
  let ended = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      ended = true;
      done();
    },
  });
  raw.on('error', (err: Error) => stream.destroy(err));
  raw.pipe(stream);
  const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
  return {
    stream,
    failure: () =>
      ended && crc >>> 0 !== expected >>> 0
        ? new CorruptMemberData(`corrupt zip member: its data has CRC-32 ${hex(crc)}, the archive says ${hex(expected)}`)
        : undefined,
  };
}
