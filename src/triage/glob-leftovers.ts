import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { NAME_NOT_UTF8, shownName, SYMLINK_NOT_FOLLOWED } from './entry-kind.js';
import { notRegularFile } from '../ingest/not-regular-file.js';

/** An entry a glob matched by name but did not return, and why it is not read. */
export interface Leftover {
  /** The path, with the bytes of a name that is not UTF-8 shown as `\xNN`. */
  input: string;
  severity: 'skipped' | 'error';
  reason: string;
}

/**
 * What a glob passes over without a word, in the directories it matched in: tinyglobby (fdir) returns regular files
 * and directories only, symlinks only when it follows them (and then not the dangling ones), and a name that is not
 * UTF-8 mangled past opening. Entries of `dirs` whose name matches `lastSegment` are looked at again, as a directory
 * walk would: symlinks, FIFOs, sockets and devices skipped with the reason, as are names that are not UTF-8.
 */
export async function globLeftovers(
  dirs: Iterable<string>,
  lastSegment: string,
  returned: ReadonlySet<string>,
  followSymlinks: boolean,
): Promise<Leftover[]> {
  const matches = picomatch(lastSegment);
  const out: Leftover[] = [];
  for (const dir of [...new Set([...dirs].map((d) => path.normalize(d)))].sort()) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const bytes = entry.name as unknown as Buffer;
      const name = bytes.toString('utf8');
      if (!matches(name)) continue;
      const full = path.join(dir, name);
      const notUtf8 = shownName(bytes);
      if (notUtf8 !== undefined) {
        out.push({ input: path.join(dir, notUtf8), severity: 'skipped', reason: NAME_NOT_UTF8 });
      } else if (returned.has(full)) {
        continue;
      } else if (entry.isSymbolicLink()) {
        if (!followSymlinks) {
          out.push({ input: full, severity: 'skipped', reason: SYMLINK_NOT_FOLLOWED });
        } else {
          const target = await stat(full).then(
            (st) => ({ st }),
            (err: NodeJS.ErrnoException) => ({ err }),
          );
          if ('err' in target) {
            out.push({ input: full, severity: 'error', reason: target.err.code === 'ENOENT' ? 'no such file or directory' : target.err.message });
          } else if (!target.st.isFile() && !target.st.isDirectory()) {
            out.push({ input: full, severity: 'skipped', reason: notRegularFile(target.st) });
          }
        }
      } else if (!entry.isFile() && !entry.isDirectory()) {
        out.push({ input: full, severity: 'skipped', reason: notRegularFile(entry) });
      }
    }
  }
  return out;
}
