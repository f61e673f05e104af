import { readFileSync } from 'node:fs';
import type { ToolInfo } from './model-types.js';

let cached: ToolInfo | undefined;

/** This package's name and version, read once from package.json (two levels up from both src/report and dist/report). */
export function packageToolInfo(): ToolInfo {
  if (!cached) {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const pkg = JSON.parse(text) as { name: string; version: string };
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}
