import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { inodeKey } from '../util/inode-key.js';

/**
 * Flags that would write one place (`-o h.sqlite --db h.sqlite`, `--out d -o d`), by path or, for what is there
 * already, by identity (a link, `./x`): a UsageError before any input is read. The later write had destroyed the
 * earlier one (the history, exit 0), or failed once every log was read (the summary lost to EISDIR). `-` and flags
 * not given are passed over.
 */
export async function checkDistinctOutputs(outputs: readonly (readonly [flag: string, path: string | undefined])[]): Promise<void> {
  const seen: { flag: string; path: string; resolved: string; inode: string | undefined }[] = [];
  for (const [flag, path] of outputs) {
    if (path === undefined || path === '-') continue;
    const resolved = resolve(path);
    const info = await stat(path).catch(() => undefined);
    const inode = info !== undefined && info.ino !== 0 ? inodeKey(info) : undefined;
    const same = seen.find((o) => o.resolved === resolved || (inode !== undefined && o.inode === inode));
    if (same !== undefined) {
      throw new UsageError(`${flag} ${path}: ${same.flag} writes there too (${same.path}): one would destroy the other; give each its own place`);
    }
    seen.push({ flag, path, resolved, inode });
  }
}
