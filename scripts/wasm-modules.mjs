/** The WebAssembly modules of src/ingest/wasm/: each text source, the TypeScript module that embeds it, its export. */
export const WASM_MODULES = [
  { wat: 'trigger-scan.wat', binary: 'trigger-scan-binary.ts', exportName: 'TRIGGER_SCAN_WASM_BASE64' },
  { wat: 'escape-strip.wat', binary: 'escape-strip-binary.ts', exportName: 'ESCAPE_STRIP_WASM_BASE64' },
];
