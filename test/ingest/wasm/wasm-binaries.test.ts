import { readFile } from 'node:fs/promises';
// @ts-expect-error: a plain-JS build script, run by `npm run build:wasm`
import { watToTypeScript } from '../../../scripts/wat-to-typescript.mjs';
// @ts-expect-error: a plain-JS build script's list
import { WASM_MODULES } from '../../../scripts/wasm-modules.mjs';

interface WasmModule {
  wat: string;
  binary: string;
  exportName: string;
}

test.each((WASM_MODULES as WasmModule[]).map((m) => [m.binary, m]))(
  '%s is what its .wat compiles to (run `npm run build:wasm` after editing it)',
  async (_name, { wat, binary, exportName }) => {
    const dir = new URL('../../../src/ingest/wasm/', import.meta.url);
    const source = await readFile(new URL(wat, dir), 'utf8');
    const committed = await readFile(new URL(binary, dir), 'utf8');
    const fresh: string = await watToTypeScript(source, { exportName, sourceName: wat });
    expect(committed).toBe(fresh);
  },
);

test('every .wat in src/ingest/wasm is built', async () => {
  const { readdir } = await import('node:fs/promises');
  const wats = (await readdir(new URL('../../../src/ingest/wasm/', import.meta.url))).filter((f) => f.endsWith('.wat'));
  expect(wats.sort()).toEqual((WASM_MODULES as WasmModule[]).map((m) => m.wat).sort());
});
