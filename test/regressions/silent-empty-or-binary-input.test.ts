/**
 * Bug: `vmemwarn analyze` of an empty file, a file of blanks, or a binary file (an ELF or a PNG passed by mistake)
 * exited 0 with "No kernel splats found" and nothing on stderr, so a wrong path looked like a clean log.
 */
import { Readable } from 'node:stream';
import { analyzeStream } from '../../src/api.js';

const analyze = (bytes: Buffer) => analyzeStream(Readable.from([bytes]), { name: 'x.log' });

test.each([
  ['empty', Buffer.alloc(0), 'empty input'],
  ['blanks', Buffer.from(' \n\t\r\n \n'), 'input holds only whitespace'],
  ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x41, 0x0a]), 'binary file (ELF executable): not a text log, read as text anyway'],
])('%s input carries a warning', async (_name, bytes, warning) => {
  expect((await analyze(bytes)).warnings).toEqual([warning]);
});

test('a text log carries none', async () => {
  expect((await analyze(Buffer.from('[    0.000000] Booting Linux on physical CPU 0x0\n'))).warnings).toEqual([]);
});
