import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { tarMembers } from '../../../src/ingest/archive/tar-members.js';
import { tarBuffer } from '../../triage/fixture-tree.js';

async function text(stream: AsyncIterable<Buffer> | undefined): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream ?? []) parts.push(chunk);
  return Buffer.concat(parts).toString();
}

describe('tarMembers', () => {
  test('streams files and reports links, directories and raw names', async () => {
    const tar = await tarBuffer([
      { name: 'd/', type: 'directory' },
      { name: 'd/a.txt', data: Buffer.from('alpha\n') },
      { name: 'd/l', type: 'symlink', linkname: '../../etc/shadow' },
      { name: 'd/h', type: 'link', linkname: 'd/a.txt' },
      { name: '../up.txt', data: Buffer.from('up\n') },
    ]);
    const seen: string[] = [];
    for await (const m of tarMembers(Readable.from([tar]))) {
      seen.push(`${m.kind} ${m.name}${m.linkTarget ? ` -> ${m.linkTarget}` : ''}${m.stream ? ` = ${JSON.stringify(await text(m.stream))}` : ''}`);
    }
    expect(seen).toEqual([
      'directory d/',
      'file d/a.txt = "alpha\\n"',
      'symlink d/l -> ../../etc/shadow',
      'hardlink d/h -> d/a.txt',
      'file ../up.txt = "up\\n"',
    ]);
  });

  test('a member left unread (or destroyed) does not stop the next one', async () => {
    const big = Buffer.alloc(200_000, 0x61);
    const tar = await tarBuffer([{ name: 'big', data: big }, { name: 'next', data: Buffer.from('n') }, { name: 'last', data: Buffer.from('l') }]);
    const names: string[] = [];
    for await (const m of tarMembers(Readable.from([tar]))) {
      names.push(m.name);
      if (m.name === 'next') m.stream?.destroy();
      if (m.name === 'last') expect(await text(m.stream)).toBe('l');
    }
    expect(names).toEqual(['big', 'next', 'last']);
  });

  test('a truncated archive yields the complete members, then throws', async () => {
    const tar = await tarBuffer([{ name: 'one', data: Buffer.from('1\n') }, { name: 'two', data: Buffer.alloc(2000, 0x62) }]);
    // header(512) + data of `one` padded to 512 + header of `two` (512) + 100 bytes of its 2000.
    const cut = tar.subarray(0, 512 * 3 + 100);
    const got: string[] = [];
    await expect((async () => {
      for await (const m of tarMembers(Readable.from([cut]))) got.push(`${m.name}:${(await text(m.stream).catch(() => 'cut')).length}`);
    })()).rejects.toThrow(/Unexpected end/);
    expect(got[0]).toBe('one:2');
  });

  test('a tar cut inside its first, small member gives the bytes before the cut, then the archive fails', async () => {
    const data = Buffer.from('line\n'.repeat(600));
    const tar = await tarBuffer([{ name: 'small.log', data }]);
    // 512 header bytes, then 1988 of the member's 3000. Readable.from ends at once: the extractor must not be ended
    // (which fails the member and drops what it holds) before the member's reader has had the bytes.
    const cut = tar.subarray(0, 2500);
    const got: string[] = [];
    const failures: (string | undefined)[] = [];
    await expect(
      (async () => {
        for await (const m of tarMembers(Readable.from([cut]))) {
          got.push(await text(m.stream));
          failures.push(m.failure?.()?.message);
        }
      })(),
    ).rejects.toThrow(/Unexpected end of data/);
    expect(got).toEqual([data.subarray(0, 1988).toString()]);
    expect(failures).toEqual(['Unexpected end of data']);
  });

  // Found by review: a truncated .tar.zst lost the member its decoder had half given, with no word of it, where the
  // same bytes as a .tar listed it as cut short.
  test('an input that fails (a decoder cut short) ends the member it was giving as a cut, then throws its own error', async () => {
    const data = Buffer.from('line\n'.repeat(600));
    const tar = await tarBuffer([{ name: 'first.log', data: Buffer.from('1\n') }, { name: 'small.log', data }]);
    // `first.log` whole (1024 bytes), then the header of `small.log` and 1988 of its 3000 bytes.
    const decoded = tar.subarray(0, 1024 + 2500);
    async function* failing(): AsyncGenerator<Buffer> {
      yield decoded;
      throw new Error('truncated zstd data');
    }
    const got: string[] = [];
    const failures: (string | undefined)[] = [];
    await expect(
      (async () => {
        for await (const m of tarMembers(Readable.from(failing()))) {
          got.push(`${m.name}:${(await text(m.stream)).length}`);
          failures.push(m.failure?.()?.message);
        }
      })(),
    ).rejects.toThrow('truncated zstd data');
    expect(got).toEqual(['first.log:2', 'small.log:1988']);
    expect(failures).toEqual([undefined, 'Unexpected end of data']);
  });

  test('a whole archive read from a stream that ends at once gives every member, none failed', async () => {
    const tar = await tarBuffer([
      { name: 'a.log', data: Buffer.from('a\n'.repeat(5000)) },
      { name: 'b.log', data: Buffer.from('b\n') },
    ]);
    const seen: string[] = [];
    for await (const m of tarMembers(Readable.from([tar]))) seen.push(`${m.name} ${(await text(m.stream)).length} ${m.failure?.() ?? 'ok'}`);
    expect(seen).toEqual(['a.log 10000 ok', 'b.log 2 ok']);
  });

  // Found by a review: `tar --format=posix --sparse` stores a hole map before the data under a made-up name; the
  // member was read as `GNUSparseFile.17906/s.log` and skipped as binary.
  test('a GNU sparse (PAX 1.0) member is named by its real name and marked unreadable; the next member is read', async () => {
    const p = pack();
    const pax = { 'GNU.sparse.major': '1', 'GNU.sparse.minor': '0', 'GNU.sparse.name': 's.log', 'GNU.sparse.realsize': '1048580' };
    p.entry({ name: 'GNUSparseFile.3513/s.log', pax }, Buffer.from('2\n0\n6\n1048576\n4\n'));
    p.entry({ name: 'next.log' }, Buffer.from('n\n'));
    p.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of p as AsyncIterable<Buffer>) chunks.push(chunk);
    const seen: string[] = [];
    for await (const m of tarMembers(Readable.from([Buffer.concat(chunks)]))) {
      seen.push(`${m.name} ${m.unreadable ?? ''} ${m.stream ? JSON.stringify(await text(m.stream)) : '-'}`);
    }
    expect(seen).toEqual(['s.log GNU sparse file member (tar --sparse): its hole map is not read -', 'next.log  "n\\n"']);
  });

  test("GNU's other sparse forms are not read either: PAX 0.0 (no name key) and the old typeflag S (found by a review)", async () => {
    const p = pack();
    p.entry({ name: 's0.log', pax: { 'GNU.sparse.size': '1048580', 'GNU.sparse.numblocks': '1' } }, Buffer.from('x\n'));
    p.entry({ name: 'old.log' }, Buffer.from('y\n'));
    p.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of p as AsyncIterable<Buffer>) chunks.push(chunk);
    const tar = Buffer.concat(chunks);
    // Make old.log's header typeflag `S` (byte 156), with its checksum (bytes 148-155) recomputed.
    const header = tar.indexOf('old.log');
    tar[header + 156] = 'S'.charCodeAt(0);
    tar.fill(0x20, header + 148, header + 156);
    let sum = 0;
    for (let i = header; i < header + 512; i++) sum += tar[i]!;
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, header + 148, 'latin1');
    const seen: string[] = [];
    for await (const m of tarMembers(Readable.from([tar]))) seen.push(`${m.name}: ${m.unreadable ?? 'read'}`);
    expect(seen).toEqual([
      's0.log: GNU sparse file member (tar --sparse): its hole map is not read',
      "old.log: member of a type not read (GNU tar's sparse `S`, or another extension)",
    ]);
  });
});
