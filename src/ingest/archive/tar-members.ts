import { extract } from 'tar-stream';
import type { Header } from 'tar-stream';
import type { ArchiveMember, MemberKind } from './archive-member.js';
import { detachedCopy } from './detached-copy.js';

const KINDS: Partial<Record<Header['type'], MemberKind>> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'directory',
  symlink: 'symlink',
  link: 'hardlink',
};

/**
 * Streams the members of a tar archive in order. A member's stream must be used before asking for the next
 * member; whatever is left unread is discarded. A truncated or corrupt archive makes the iteration throw
 * after the members read so far.
 */
export async function* tarMembers(input: NodeJS.ReadableStream): AsyncGenerator<ArchiveMember> {
  const tar = extract();
  input.on('error', (err: Error) => tar.destroy(err));
  input.pipe(tar);
  for await (const entry of tar) {
    const header = entry.header;
    const kind = KINDS[header.type ?? 'file'] ?? 'other';
    const member: ArchiveMember = { name: header.name, kind };
    if (header.size != null) member.size = header.size;
    if (header.linkname) member.linkTarget = header.linkname;
    if (kind !== 'file') {
      entry.resume();
      yield member;
      continue;
    }
    const copy = detachedCopy(entry as unknown as AsyncIterable<Buffer>);
    member.stream = copy.stream;
    yield member;
    if (!copy.stream.readableEnded) copy.stream.destroy();
    await copy.done;
  }
}
