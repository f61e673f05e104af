import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { checkStreamInput, checkText, pathArgument } from '../src/check-inputs.js';
import { UsageError } from '../src/errors.js';
import { analyzeFile, analyzeStream, analyzeText } from '../src/api.js';
import { openInput } from '../src/ingest/open-input.js';

const PLAIN = new URL('../samples/logs/plain-boot-6.6-unrelated-warning.log', import.meta.url);

// Found by an API audit: these came back as results whose inputError read `read failed: Cannot read properties of
// null` or `chunk.findIndex is not a function`, or threw raw TypeErrors.
describe('checkStreamInput', () => {
  test.each([
    [null, 'input must be a stream or an async iterable of Buffers, not null'],
    [undefined, 'input must be a stream or an async iterable of Buffers, not undefined'],
    [5, 'input must be a stream or an async iterable of Buffers, not the number 5'],
    [{ on: () => undefined }, 'input must be a stream or an async iterable of Buffers, not an object'],
    ['WARNING: x\n', 'input must be a stream or an async iterable of Buffers, not a string: analyzeText takes text'],
    [Buffer.from('x\n'), 'input must be a stream or an async iterable of Buffers, not the bytes themselves: give Readable.from([bytes])'],
    [new ArrayBuffer(4), 'input must be a stream or an async iterable of Buffers, not the bytes themselves: give Readable.from([bytes])'],
  ])('%p is a usage error', (input, message) => {
    expect(() => checkStreamInput(input)).toThrow(new UsageError(message));
  });

  test('a stream, a web stream, an async generator and an array of chunks pass', () => {
    for (const input of [Readable.from([]), new Blob(['x']).stream(), (async function* () {})(), [Buffer.from('x')]]) {
      expect(() => checkStreamInput(input)).not.toThrow();
    }
  });
});

test('checkText takes a string only', () => {
  expect(() => checkText(undefined)).toThrow(new UsageError('text must be a string, not undefined'));
  expect(() => checkText(Buffer.from('x'))).toThrow(/^text must be a string, not bytes: decode them/);
  expect(() => checkText('')).not.toThrow();
});

test('pathArgument: a string as given, a file: URL as its path, anything else a usage error', () => {
  expect(pathArgument('-')).toBe('-');
  expect(pathArgument(pathToFileURL('/var/log/dmesg'))).toBe('/var/log/dmesg');
  expect(() => pathArgument(123)).toThrow(new UsageError('the path must be a string (or - for stdin) or a file: URL, not the number 123'));
  expect(() => pathArgument(new URL('https://example.com/dmesg'))).toThrow(/or a file: URL, not https:\/\/example\.com\/dmesg$/);
});

describe('the entry points check their input before reading anything', () => {
  test.each([
    ['analyzeStream(null)', () => analyzeStream(null as never)],
    ['analyzeStream(Buffer)', () => analyzeStream(Buffer.from('x\n') as never)],
    ['analyzeText(undefined)', () => analyzeText(undefined as never)],
    ['analyzeFile(undefined)', () => analyzeFile(undefined as never)],
    ['openInput(null)', () => openInput(null as never)],
  ])('%s rejects with a UsageError', async (_name, call) => {
    await expect(call()).rejects.toThrow(UsageError);
  });

  test('analyzeFile reads a file: URL as its path, named by the path', async () => {
    const result = await analyzeFile(PLAIN as never);
    expect(result.source).toBe(PLAIN.pathname);
    expect(result.clusters.map((c) => c.title)).toEqual(['WARNING in clk_core_disable']);
  });
});
