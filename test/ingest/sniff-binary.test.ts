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

  test('control bytes are those below 0x20 but BS, tab, LF, VT, FF, CR and ESC, and DEL', () => {
    const text = [0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b];
    for (let b = 0; b < 256; b++) {
      const control = (b < 0x20 && !text.includes(b)) || b === 0x7f;
      expect([b, binaryReason(Buffer.alloc(100, b)) !== undefined]).toEqual([b, control]);
    }
  });

  test('mostly NUL bytes', () => {
    expect(binaryReason(Buffer.alloc(8192))).toMatch(/8192 of the first 8192/);
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

  test('NULs that fall on no side, or too few pairs, are still binary', () => {
    expect(looksLikeUtf16Ascii(Buffer.alloc(300))).toBe(false);
    expect(binaryReason(Buffer.alloc(300))).toMatch(/^binary file/);
    expect(looksLikeUtf16Ascii(Buffer.from('a\0b\0', 'latin1'))).toBe(false);
  });
});
