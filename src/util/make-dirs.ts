import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, one level at a time. Node 20's `mkdir(dir, { recursive: true })` loops for ever when the parent is
 * there but will not take a directory and says ENOENT (`/proc/x`); each plain mkdir here fails once instead.
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); ; ) {
    const info = await stat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (info !== undefined) break;
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const at of missing.reverse()) {
    await mkdir(at).catch((err: NodeJS.ErrnoException) => {
      // Another run (or worker) may have made it since the stat.
      if (err.code !== 'EEXIST') throw err;
    });
  }
}
