import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeDirs } from '../../src/util/make-dirs.js';

describe('makeDirs', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'vmemwarn-mkdirs-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('makes every missing level, and is a no-op when the directory is there', async () => {
    const deep = path.join(root, 'a', 'b', 'c');
    await makeDirs(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await expect(makeDirs(deep)).resolves.toBeUndefined();
  });

  test('a file in the way is an error', async () => {
    writeFileSync(path.join(root, 'f'), '');
    await expect(makeDirs(path.join(root, 'f', 'x'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // Found by review: `triage --out /proc/x` hung, in Node's recursive mkdir, which retries ENOENT for ever there.
  (existsSync('/proc/self') ? test : test.skip)('a parent that takes no directory (/proc) fails at once', async () => {
    await expect(makeDirs('/proc/vmemwarn-no-such/x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
