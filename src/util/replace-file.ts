import { randomBytes } from 'node:crypto';
import { chmod, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `data` to `target` whole or not at all: into a temporary file beside it, renamed over it once written, and
 * removed if the write fails (a full disk). Written in place, a report or summary cut off by a full disk had replaced
 * the previous one. A target that is there and no regular file (a FIFO, `/dev/stdout`) is written to as it is, as a
 * rename would replace the node itself; a symlink's target is replaced, not the link, and a file keeps its mode.
 */
export async function replaceFile(target: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const real = await realpath(target).catch(() => target);
  const existing = await stat(real).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    await writeFile(real, data);
    return;
  }
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    if (existing !== undefined) await chmod(temp, existing.mode & 0o7777);
    await rename(temp, real);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
