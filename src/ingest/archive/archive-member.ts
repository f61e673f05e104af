import type { Readable } from 'node:stream';

export type ArchiveFormat = 'tar' | 'zip';

export type MemberKind = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** One entry of an archive, streamed: `stream` is only set for regular files and is valid until the next entry. */
export interface ArchiveMember {
  /** The name as stored (untrusted: may hold `../`, absolute paths or control characters). */
  name: string;
  kind: MemberKind;
  size?: number;
  /** When the member was last modified, as the archive records it (ms since the epoch), where it records one. */
  mtimeMs?: number;
  linkTarget?: string;
  /** Zip traditional/strong encryption: the data cannot be read. */
  encrypted?: boolean;
  /** A member whose data is stored in a way the reader cannot read (a GNU sparse file): why, and it is not read. */
  unreadable?: string;
  /** A zip member whose data lies inside another member's (a zip bomb's trick): not read. */
  overlapping?: boolean;
  /** A zip member compressed with a method other than stored (0) or deflate (8), e.g. bzip2 (12): not readable. */
  unsupportedCompression?: number;
  stream?: Readable;
  /** The archive decompressed the data (a deflated zip member): it needs the decompression-bomb limit. */
  inflated?: boolean;
  /**
   * After `stream` has ended: why the member's data is not what the archive holds, if it is not: it stopped short of
   * its end (a truncated archive), or it does not match its checksum (CorruptMemberData).
   */
  failure?: () => Error | undefined;
}

/** A member read to its end whose data does not match the checksum the archive gives for it. */
export class CorruptMemberData extends Error {}
