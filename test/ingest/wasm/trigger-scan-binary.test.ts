import { readFile } from 'node:fs/promises';
// @ts-expect-error: a plain-JS build script, run by `npm run build:wasm`
import { watToTypeScript } from '../../../scripts/wat-to-typescript.mjs';

test('the embedded binary is what trigger-scan.wat compiles to (run `npm run build:wasm` after editing it)', async () => {
  const dir = new URL('../../../src/ingest/wasm/', import.meta.url);
  const source = await readFile(new URL('trigger-scan.wat', dir), 'utf8');
  const committed = await readFile(new URL('trigger-scan-binary.ts', dir), 'utf8');
  const fresh: string = await watToTypeScript(source, { exportName: 'TRIGGER_SCAN_WASM_BASE64', sourceName: 'trigger-scan.wat' });
  expect(committed).toBe(fresh);
});
