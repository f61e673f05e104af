/** What kind of entry a FIFO, socket or device is, as `stat` or `readdir` tells it. */
export function specialType(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  return 'unknown type';
}

/** Why an entry that is no regular file is not read, in the same words from a walk, a glob and an input named alone. */
export function notRegularFile(st: Parameters<typeof specialType>[0]): string {
  return `not a regular file (${specialType(st)})`;
}
