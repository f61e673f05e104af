import type { ArchiveFormat } from './archive-member.js';

const TAR_BLOCK = 512;
const TAR_MAGIC_OFFSET = 257;
const TAR_CHECKSUM_OFFSET = 148;
const TAR_CHECKSUM_LENGTH = 8;

/** Detects an archive by content: zip local header / empty-archive end record, or a tar header block. */
export function sniffArchive(head: Buffer): ArchiveFormat | undefined {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) {
    const sig = head.readUInt32LE(0);
    if (sig === 0x04034b50 || sig === 0x06054b50 || sig === 0x08074b50) return 'zip';
  }
  if (head.length >= TAR_BLOCK && isTarHeader(head.subarray(0, TAR_BLOCK))) return 'tar';
  return undefined;
}

/** POSIX/GNU tar carry `ustar` at 257; pre-POSIX (v7) tar has no magic, so the header checksum decides. */
function isTarHeader(block: Buffer): boolean {
  if (block.toString('latin1', TAR_MAGIC_OFFSET, TAR_MAGIC_OFFSET + 5) === 'ustar') return true;
  const field = block.toString('latin1', TAR_CHECKSUM_OFFSET, TAR_CHECKSUM_OFFSET + TAR_CHECKSUM_LENGTH);
  const stored = /^\s*([0-7]{1,7})[\0 ]/.exec(field);
  if (!stored?.[1]) return false;
  let sum = 0;
  for (let i = 0; i < TAR_BLOCK; i++) {
    const inChecksum = i >= TAR_CHECKSUM_OFFSET && i < TAR_CHECKSUM_OFFSET + TAR_CHECKSUM_LENGTH;
    sum += inChecksum ? 0x20 : (block[i] ?? 0);
  }
  return sum === parseInt(stored[1], 8) && block[0] !== 0;
}
