import { LineSplitter } from '../../src/ingest/line-splitter.js';

test('write() delivers every line before it returns', () => {
  const seen: string[] = [];
  const splitter = new LineSplitter((t) => seen.push(t));
  splitter.write(Buffer.from('one\ntwo\n'));
  expect(seen).toEqual(['one', 'two']);
  splitter.write(Buffer.from('\xe2\x82\xac\n', 'latin1'));
  expect(seen).toEqual(['one', 'two', '€']);
});

test('an error from onLine is thrown by write()', () => {
  const splitter = new LineSplitter(() => {
    throw new Error('boom');
  });
  expect(() => splitter.write(Buffer.from('x\n'))).toThrow('boom');
});
