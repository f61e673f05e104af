import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InputError } from '../../src/errors.js';
import { readBounded, readInputFile } from '../../src/ingest/read-bounded.js';
import { ReadInterrupted } from '../../src/until-aborted.js';
import { tempDir } from '../_temp-dirs.js';

const dir = tempDir('read-bounded');

describe('readBounded', () => {
  test('a file up to the limit is read whole', async () => {
    const file = path.join(dir, 'ok');
    writeFileSync(file, 'CONFIG_ARM64=y\n');
    await expect(readBounded(file, 15)).resolves.toEqual(Buffer.from('CONFIG_ARM64=y\n'));
  });

  test('one byte past the limit throws, naming it', async () => {
    const file = path.join(dir, 'big');
    writeFileSync(file, Buffer.alloc(2 * 1024 * 1024 + 1));
    await expect(readBounded(file, 2 * 1024 * 1024)).rejects.toThrow('larger than 2 MiB');
  });

  test('a file that never ends stops at the limit', async () => {
    await expect(readBounded('/dev/zero', 1024 * 1024)).rejects.toThrow('larger than 1 MiB');
  });

  test('an abort ends the wait for an idle input with ReadInterrupted, not an InputError', async () => {
    const idle = new Readable({ read: () => undefined });
    const controller = new AbortController();
    const reading = readInputFile('-', 100, 'summary', idle, controller.signal);
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(ReadInterrupted);
  });

  test('`-` reads the given standard input, strings included', async () => {
    await expect(readBounded('-', 100, Readable.from(['a', Buffer.from('b')]))).resolves.toEqual(Buffer.from('ab'));
    await expect(readBounded('-', 1, Readable.from(['ab']))).rejects.toThrow('larger than 1 bytes');
  });

  test('errors keep their code for the caller', async () => {
    await expect(readBounded(path.join(dir, 'missing'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readBounded(dir, 10)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('readInputFile', () => {
  test('reads as readBounded does', async () => {
    await expect(readInputFile('-', 100, 'summary', Readable.from(['{}']))).resolves.toEqual(Buffer.from('{}'));
  });

  test('a failure is an InputError naming the file and what it was for, with the code or the reason', async () => {
    const missing = path.join(dir, 'missing');
    await expect(readInputFile(missing, 10, 'ignore file')).rejects.toThrow(new InputError(missing, 'cannot read ignore file: no such file'));
    await expect(readInputFile('/dev/zero', 1024, 'kernel config')).rejects.toThrow(new InputError('/dev/zero', 'cannot read kernel config: larger than 1 KiB'));
  });
});
