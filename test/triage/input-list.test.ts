import { Readable } from 'node:stream';
import { InputError } from '../../src/errors.js';
import { readInputList } from '../../src/triage/input-list.js';

describe('readInputList', () => {
  test('one path per line, blank lines ignored, CRLF accepted', async () => {
    expect(await readInputList(Readable.from(['a.log\r\n\nb dir/c.log\n', 'd.gz']))).toEqual(['a.log', 'b dir/c.log', 'd.gz']);
  });

  test('NUL-separated (find -print0) keeps newlines inside names', async () => {
    expect(await readInputList(Readable.from(['a\nb.log\0c.log\0']))).toEqual(['a\nb.log', 'c.log']);
  });

  test('a list that never ends stops at 64 MiB with an input error', async () => {
    const endless = Readable.from((function* () {
      const block = Buffer.alloc(1 << 20, 'a/b.log\n');
      for (;;) yield block;
    })());
    await expect(readInputList(endless)).rejects.toThrow(new InputError('-', 'cannot read the list of paths: larger than 64 MiB'));
  });
});
