import { jest } from '@jest/globals';

// A runtime without WebAssembly SIMD cannot compile the module; bytes that are no module fail the same way.
jest.unstable_mockModule('../../src/ingest/wasm/escape-strip-binary.js', () => ({ ESCAPE_STRIP_WASM_BASE64: 'AAAA' }));

const { stripEscapes } = await import('../../src/ingest/escape-strip.js');

test('without the module escapes are still stripped, by the regex', () => {
  expect(stripEscapes(Buffer.from('a\x1b[33mINFO:\x1b[0m task\x1b]0;t\x07\n')).toString()).toBe('aINFO: task\n');
  const plain = Buffer.from('no escape\n');
  expect(stripEscapes(plain)).toBe(plain);
});
