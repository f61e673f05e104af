import { jest } from '@jest/globals';

// A runtime without WebAssembly SIMD cannot compile the module; bytes that are no module fail the same way.
jest.unstable_mockModule('../../src/ingest/wasm/trigger-scan-binary.js', () => ({ TRIGGER_SCAN_WASM_BASE64: 'AAAA' }));

const { SimdHitFinder, countNewlines } = await import('../../src/ingest/simd-hit-finder.js');

test('without a module no SIMD finder is made', () => {
  expect(SimdHitFinder.create([Buffer.from('WARNING:')])).toBeUndefined();
});

test('without a module countNewlines still counts, by indexOf', () => {
  expect(countNewlines(Buffer.from('a\nb\n\nc'))).toBe(3);
  expect(countNewlines(Buffer.from('no break'))).toBe(0);
  expect(countNewlines(Buffer.alloc(0))).toBe(0);
});
