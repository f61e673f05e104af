import type { Stats } from 'node:fs';

/** A file's or directory's identity, its device and inode, as a key: the same for every name it has (a link, `./x`). */
export function inodeKey(st: Pick<Stats, 'dev' | 'ino'>): string {
  return `${st.dev}:${st.ino}`;
}
