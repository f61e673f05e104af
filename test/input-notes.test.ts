import { InputNotes } from '../src/input-notes.js';
import { tarBuffer } from './triage/fixture-tree.js';
import { zipBytes } from './triage/zip-bytes.js';

function notesOf(...chunks: Buffer[]): string[] {
  const notes = new InputNotes();
  for (const c of chunks) notes.observe(c);
  return notes.notes();
}

test('nothing read: empty input', () => {
  expect(notesOf()).toEqual(['empty input']);
  expect(notesOf(Buffer.alloc(0))).toEqual(['empty input']);
});

test('blanks and NULs only (also a UTF-16 file of spaces): whitespace', () => {
  expect(notesOf(Buffer.from(' \t\n'), Buffer.from('\r\v\f\0'))).toEqual(['input holds only whitespace']);
  expect(notesOf(Buffer.from('  \n', 'utf16le'))).toEqual(['input holds only whitespace']);
});

test('NULs only: zero-filled, as a crash leaves a log file, told apart from blanks', () => {
  expect(notesOf(Buffer.alloc(5000), Buffer.alloc(10))).toEqual([
    'input holds only NUL bytes (zero-filled, as a crash can leave a log file whose writes never reached the disk)',
  ]);
});

// Found by a review: `tar cf x.tar --files-from /dev/null` (10 KiB of NULs) was named only as a zero-filled log.
test('NULs only in whole 512-byte blocks, two or more: an empty tar archive is named too', () => {
  expect(notesOf(Buffer.alloc(10240))).toEqual([
    'input holds only NUL bytes (zero-filled, as a crash can leave a log file whose writes never reached the disk), or an empty tar archive',
  ]);
  expect(notesOf(Buffer.alloc(512))[0]).not.toMatch(/tar/);
});

test('a log after a zero-filled head is text, with no note', () => {
  expect(notesOf(Buffer.alloc(5000), Buffer.from('[    0.000000] Booting Linux\n'))).toEqual([]);
});

// An audit: 64 KiB of NULs before random data (a disk image) had been read as a clean log, with no note.
test('binary data after a zero-filled head is judged on its own bytes', () => {
  const data = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  const [note] = notesOf(Buffer.alloc(65536), data);
  expect(note).toMatch(/^binary file \(\d+ of the first \d+ bytes are control bytes or NUL\): not a text log, read as text anyway$/);
});

// An archive's bytes had been read as one log with a note that it looked binary (or none, for a tar of text).
test.each([
  ['tar', async () => tarBuffer([{ name: 'dmesg.txt', data: Buffer.from('[    0.000000] Booting Linux\n'.repeat(200)) }]), /run together/],
  ['zip', async () => zipBytes([{ name: 'dmesg.txt', data: Buffer.from('[    0.000000] Booting Linux\n') }]), /compressed/],
])('a %s archive is named, with a pointer to triage', async (format, bytes, why) => {
  const [note, ...rest] = notesOf(await bytes());
  expect(rest).toEqual([]);
  expect(note).toMatch(new RegExp(`^${format} archive, read as one text log \\(`));
  expect(note).toMatch(why);
  expect(note).toMatch(/`vmemwarn triage` reads each member as a log of its own$/);
});

test('text in a later chunk counts', () => {
  expect(notesOf(Buffer.from('   '), Buffer.from('x'))).toEqual([]);
});

test('binary magic is judged on the head, even when it arrives a byte at a time', () => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].map((b) => Buffer.from([b]));
  expect(notesOf(...png)).toEqual(['binary file (PNG image): not a text log, read as text anyway']);
});

test('a log whose head is text is not binary, whatever follows the first 4 KiB', () => {
  expect(notesOf(Buffer.alloc(4096, 0x61), Buffer.alloc(4096, 0x01))).toEqual([]);
});

test('a text byte after NUL runs longer than a block (a zero-filled region) is seen in the same chunk', () => {
  const chunk = Buffer.concat([Buffer.alloc(70_000), Buffer.from('\n'), Buffer.alloc(9000), Buffer.from('[    0.000000] Booting Linux\n')]);
  expect(notesOf(chunk)).toEqual([]);
  expect(notesOf(Buffer.concat([Buffer.alloc(70_000), Buffer.from(' \n'), Buffer.alloc(9000)]))).toEqual(['input holds only whitespace']);
});
