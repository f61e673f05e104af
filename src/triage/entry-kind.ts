/** Why a walk or a glob skips an entry: the same words from both. */
export const SYMLINK_NOT_FOLLOWED = 'symbolic link not followed (--follow-symlinks; followSymlinks in the API)';
export const NAME_NOT_UTF8 = 'file name is not valid UTF-8: not read';

/** A name that is not UTF-8 (it has no string that opens the file again), shown with its other bytes escaped. */
export function shownName(bytes: Buffer): string | undefined {
  const name = bytes.toString('utf8');
  if (Buffer.from(name, 'utf8').equals(bytes)) return undefined;
  return bytes.toString('latin1').replace(/[\x80-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`);
}
