import { Readable } from 'node:stream';
import { readInputList } from '../../src/triage/input-list.js';

describe('readInputList', () => {
  test('one path per line, blank lines ignored, CRLF accepted', async () => {
    expect(await readInputList(Readable.from(['a.log\r\n\nb dir/c.log\n', 'd.gz']))).toEqual(['a.log', 'b dir/c.log', 'd.gz']);
  });

  test('NUL-separated (find -print0) keeps newlines inside names', async () => {
    expect(await readInputList(Readable.from(['a\nb.log\0c.log\0']))).toEqual(['a\nb.log', 'c.log']);
  });
});
