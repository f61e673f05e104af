#!/usr/bin/env node
// Regenerates each src/ingest/wasm/*-binary.ts from its .wat (wabt). test/ingest/wasm checks they agree.
import { readFile, writeFile } from 'node:fs/promises';
import { watToTypeScript } from './wat-to-typescript.mjs';
import { WASM_MODULES } from './wasm-modules.mjs';

const dir = new URL('../src/ingest/wasm/', import.meta.url);
for (const { wat, binary, exportName } of WASM_MODULES) {
  const source = await readFile(new URL(wat, dir), 'utf8');
  await writeFile(new URL(binary, dir), await watToTypeScript(source, { exportName, sourceName: wat }));
}
