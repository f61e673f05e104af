#!/usr/bin/env node
// Regenerates src/ingest/wasm/trigger-scan-binary.ts from trigger-scan.wat (wabt). test/ingest/wasm checks they agree.
import { readFile, writeFile } from 'node:fs/promises';
import { watToTypeScript } from './wat-to-typescript.mjs';

const dir = new URL('../src/ingest/wasm/', import.meta.url);
const source = await readFile(new URL('trigger-scan.wat', dir), 'utf8');
const ts = await watToTypeScript(source, { exportName: 'TRIGGER_SCAN_WASM_BASE64', sourceName: 'trigger-scan.wat' });
await writeFile(new URL('trigger-scan-binary.ts', dir), ts);
