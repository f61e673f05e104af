import { readFile } from 'node:fs/promises';
import { binaryReason, looksLikeUtf16Ascii } from '../../src/ingest/sniff-binary.js';
import { corpusAvailable, corpusFile } from '../triage/fixture-tree.js';

describe('binaryReason', () => {
  test.each([
    ['ELF', [0x7f, 0x45, 0x4c, 0x46, 2, 1], /ELF/],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /PNG/],
    ['arm64 Image', [0x4d, 0x5a, 0x40, 0xfa], /arm64 kernel Image/],
  ])('%s magic', (_, bytes, why) => {
    expect(binaryReason(Buffer.from(bytes))).toMatch(why);
  });

  // Found by a library audit: a gzipped log given to analyzeStream sat at the control-byte threshold and read as 74
  // lines of text, with nothing said.
  test('compressed data that reaches the reader undecompressed is named', async () => {
    const { gzipSync } = await import('node:zlib');
    const log = Buffer.from('[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]\n'.repeat(50));
    expect(binaryReason(gzipSync(log))).toBe('binary file (gzip-compressed data)');
    expect(binaryReason(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04]))).toBe('binary file (xz-compressed data)');
    expect(binaryReason(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x00]))).toBe('binary file (zstd-compressed data)');
    expect(binaryReason(Buffer.from('BZh91AY&SY\x01\x02', 'latin1'))).toBe('binary file (bzip2-compressed data)');
    // Text that merely starts like bzip2's stream header is text.
    expect(binaryReason(Buffer.from('BZh9 is not a kernel message, but it is text\n'))).toBeUndefined();
  });

  test('control bytes are those below 0x20 but BS, tab, LF, VT, FF, CR and ESC, and DEL', () => {
    const text = [0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b];
    for (let b = 0; b < 256; b++) {
      const control = (b < 0x20 && !text.includes(b)) || b === 0x7f;
      // NUL is judged in runs short of a zero-filled region's (below).
      const bytes = b === 0 ? Buffer.from('\0\0x'.repeat(33), 'latin1') : Buffer.alloc(100, b);
      expect([b, binaryReason(bytes) !== undefined]).toEqual([b, control]);
    }
  });

  test('NULs in short runs among other bytes count as control bytes', () => {
    const runs = Buffer.from(`${'\0'.repeat(31)}x`.repeat(64), 'latin1');
    expect(binaryReason(runs)).toBe(`binary file (${31 * 64} of the first ${32 * 64} bytes are control bytes or NUL)`);
  });

  // A log file a crash left zero-filled up to its size, which the next boot appended to: skipped as binary, its new
  // boot was lost.
  test('zero-filled runs of 32 NULs or more are no evidence: alone, or before text, the head is text', () => {
    const line = Buffer.from('[    1.234567] usb 1-1: new device\n');
    expect(binaryReason(Buffer.alloc(8192))).toBeUndefined();
    expect(binaryReason(Buffer.concat([Buffer.alloc(32), line]))).toBeUndefined();
    expect(binaryReason(Buffer.concat([Buffer.alloc(6000), line, Buffer.alloc(2000)]))).toBeUndefined();
  });

  test('binary data keeps its verdict next to zero-filled pages, judged on the bytes outside them', () => {
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x41)));
    expect(binaryReason(Buffer.concat([Buffer.alloc(4096), data]))).toBe(
      'binary file (250 of the 1000 bytes outside zero-filled runs in the first 5096 are control bytes or NUL)',
    );
  });

  test('a few NULs and escape sequences in a console log are still text', () => {
    const line = Buffer.from('\x1b[0m[    1.234567] usb 1-1: new device\r\n');
    expect(binaryReason(Buffer.concat([Buffer.from([0, 0]), line, line, line]))).toBeUndefined();
  });

  test('UTF-16 with a BOM is text', () => {
    expect(binaryReason(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[ 0.0] Linux\n', 'utf16le')]))).toBeUndefined();
  });

  (corpusAvailable ? test : test.skip)('corpus logs are text', async () => {
    const head = (await readFile(corpusFile('boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg.txt'))).subarray(0, 8192);
    expect(binaryReason(head)).toBeUndefined();
  });
});

describe('ASCII text in UTF-16 without a byte-order mark', () => {
  const text = '[    0.000000] Linux version 6.1.0 (gcc) #1 SMP\n[    1.000000] WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2\n';

  test.each(['utf16le', 'be'] as const)('%s is text, not binary (the reader drops the NULs)', (encoding) => {
    const le = Buffer.from(text, 'utf16le');
    const bytes = encoding === 'utf16le' ? le : Buffer.from(le).swap16();
    expect(looksLikeUtf16Ascii(bytes)).toBe(true);
    expect(binaryReason(bytes)).toBeUndefined();
  });

  test('NULs that fall on no side, or too few pairs, are not UTF-16', () => {
    expect(looksLikeUtf16Ascii(Buffer.alloc(300))).toBe(false);
    expect(looksLikeUtf16Ascii(Buffer.from('a\0b\0', 'latin1'))).toBe(false);
  });
});
