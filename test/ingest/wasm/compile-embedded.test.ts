import { compileEmbedded } from '../../../src/ingest/wasm/compile-embedded.js';
import { TRIGGER_SCAN_WASM_BASE64 } from '../../../src/ingest/wasm/trigger-scan-binary.js';
import { ESCAPE_STRIP_WASM_BASE64 } from '../../../src/ingest/wasm/escape-strip-binary.js';

test('each embedded module compiles', () => {
  expect(compileEmbedded(TRIGGER_SCAN_WASM_BASE64)).toBeInstanceOf(WebAssembly.Module);
  expect(compileEmbedded(ESCAPE_STRIP_WASM_BASE64)).toBeInstanceOf(WebAssembly.Module);
});

test('bytes that are no module (as on a runtime without SIMD) give none, not an exception', () => {
  expect(compileEmbedded('AAAA')).toBeUndefined();
});
