import { extract } from 'tar-stream';
import type { Header } from 'tar-stream';
import type { ArchiveMember, MemberKind } from './archive-member.js';
import { detachedCopy, type DetachedCopy } from './detached-copy.js';

const KINDS: Partial<Record<Header['type'], MemberKind>> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'directory',
  symlink: 'symlink',
  link: 'hardlink',
};

const RECHECK_MS = 2;

/**
 * Streams the members of a tar archive in order. A member's stream must be used before asking for the next
 * member; whatever is left unread is discarded. A truncated or corrupt archive makes the iteration throw
 * after the members read so far; a file member cut short gives the bytes before the cut, then ends, and its
 * `failure()` says why.
 */
export async function* tarMembers(input: NodeJS.ReadableStream): AsyncGenerator<ArchiveMember> {
  const tar = extract();
  let current: DetachedCopy | undefined;
  let stopped = false;
  // Ending the extractor fails a member cut short at once, and takes the bytes it still holds for that member with
  // it. So once the input is over, the end waits until the open member (if any) waits for bytes that cannot come.
  // Two turns of the event loop tell a copy starved of input from one whose next chunk is on its way.
  const writable = tar as unknown as NodeJS.WritableStream;
  const starved = (): boolean => current === undefined || current.waiting();
  const endWhenStarved = (): void => {
    if (stopped) return;
    if (!starved()) return void setTimeout(endWhenStarved, RECHECK_MS);
    setImmediate(() =>
      setImmediate(() => {
        if (stopped) return;
        if (starved()) writable.end();
        else setTimeout(endWhenStarved, RECHECK_MS);
      }),
    );
  };
  // A decoder that fails (a truncated .tar.zst) ends the input as its end would: the member it cut short keeps the
  // bytes decoded before the failure. Its error, which says more than the extractor's, is thrown afterwards.
  let inputError: Error | undefined;
  input.on('error', (err: Error) => {
    inputError ??= err;
    endWhenStarved();
  });
  input.once('end', endWhenStarved);
  input.pipe(writable, { end: false });
  try {
    for await (const entry of tar) {
      const header = entry.header;
      // A typeflag tar-stream does not know (null) is most often GNU's old sparse `S` (`tar -S`): its data is no
      // plain copy of the file either.
      const kind = header.type === null ? 'file' : (KINDS[header.type ?? 'file'] ?? 'other');
      // tar-stream sets `pax` (the member's PAX records) without declaring it.
      const pax = (header as { pax?: Record<string, string> | null }).pax;
      const sparseName = pax?.['GNU.sparse.name'];
      const member: ArchiveMember = { name: sparseName ?? header.name, kind };
      if (header.size != null) member.size = header.size;
      const mtimeMs = header.mtime?.getTime();
      if (mtimeMs !== undefined && Number.isFinite(mtimeMs)) member.mtimeMs = mtimeMs;
      if (header.linkname) member.linkTarget = header.linkname;
      // GNU tar's sparse format 1.0 (`--format=posix --sparse`) stores a map of holes before the data, under a
      // made-up name (`GNUSparseFile.123/x.log`); tar-stream hands over map and data as one file.
      if (pax && Object.keys(pax).some((key) => key.startsWith('GNU.sparse.'))) {
        member.unreadable = 'GNU sparse file member (tar --sparse): its hole map is not read';
      } else if (header.type === null) {
        member.unreadable = 'member of a type not read (GNU tar\'s sparse `S`, or another extension)';
      }
      if (kind !== 'file' || member.unreadable !== undefined) {
        entry.resume();
        yield member;
        continue;
      }
      const copy = detachedCopy(entry as unknown as AsyncIterable<Buffer>);
      current = copy;
      member.stream = copy.stream;
      member.failure = copy.failure;
      yield member;
      if (!copy.stream.readableEnded) copy.stream.destroy();
      await copy.done;
      current = undefined;
    }
    if (inputError) throw inputError;
  } catch (err) {
    throw inputError ?? err;
  } finally {
    stopped = true;
    current = undefined;
  }
}
