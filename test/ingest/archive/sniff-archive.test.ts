import { gzipSync } from 'node:zlib';
import { sniffArchive } from '../../../src/ingest/archive/sniff-archive.js';
import { tarBuffer } from '../../triage/fixture-tree.js';

describe('sniffArchive', () => {
  test('ustar tar from tar-stream', async () => {
    expect(sniffArchive(await tarBuffer([{ name: 'a.txt', data: Buffer.from('hello\n') }]))).toBe('tar');
  });

  test('v7 tar without magic is recognised by its header checksum', async () => {
    const tar = Buffer.from(await tarBuffer([{ name: 'a.txt', data: Buffer.from('hello\n') }]));
    tar.fill(0, 257, 265); // erase magic + version, then fix the checksum the way tar computes it
    tar.fill(0x20, 148, 156);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += tar[i] ?? 0;
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    expect(sniffArchive(tar)).toBe('tar');
    tar[0] = 0x41; // a changed name byte breaks the checksum
    expect(sniffArchive(tar)).toBeUndefined();
  });

  test.each([
    ['local file header', [0x50, 0x4b, 0x03, 0x04]],
    ['empty archive end record', [0x50, 0x4b, 0x05, 0x06]],
  ])('zip %s', (_, bytes) => {
    expect(sniffArchive(Buffer.from([...bytes, 0, 0]))).toBe('zip');
  });

  test.each([
    ['text', Buffer.from('[    0.000000] Booting Linux on physical CPU 0x0\n'.repeat(20))],
    ['gzip', gzipSync(Buffer.from('x'))],
    ['short', Buffer.from('PK')],
    ['empty', Buffer.alloc(0)],
  ])('%s is not an archive', (_, head) => {
    expect(sniffArchive(head)).toBeUndefined();
  });
});
