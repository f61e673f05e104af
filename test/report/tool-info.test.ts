import { readFileSync } from 'node:fs';
import { packageToolInfo } from '../../src/report/tool-info.js';

test('name and version from package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  expect(packageToolInfo()).toEqual({ name: pkg.name, version: pkg.version });
});
