import { readFileSync } from 'node:fs';

/** Name and version from package.json (one level above src/ and dist/). */
export function toolInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return { name: 'vmemwarn', version: pkg.version };
}
