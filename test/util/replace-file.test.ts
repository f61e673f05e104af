import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replaceFile } from '../../src/util/replace-file.js';
import { tempDir } from '../_temp-dirs.js';

/** Runs replaceFile (from dist/) in a child whose file size limit is `blocks` 512-byte blocks: past it a write fails (EFBIG). */
function replaceUnderSizeLimit(target: string, text: string, blocks: number): string {
  const module = new URL('../../dist/util/replace-file.js', import.meta.url).href;
  const script = `import { replaceFile } from ${JSON.stringify(module)};
    await replaceFile(${JSON.stringify(target)}, ${JSON.stringify(text)}).then(() => console.log('written'), (e) => console.log(e.code));`;
  return spawnSync('sh', ['-c', `ulimit -f ${blocks} && exec "$0" --input-type=module -e "$1"`, process.execPath, script], { encoding: 'utf8' }).stdout.trim();
}

describe('replaceFile', () => {
  test('writes a new file, and replaces one that is there, keeping its mode', async () => {
    const dir = tempDir('replace');
    const target = path.join(dir, 'report.txt');
    await replaceFile(target, ['a', 'b']);
    expect(await readFile(target, 'utf8')).toBe('ab');
    await chmod(target, 0o640);
    await replaceFile(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['report.txt']);
  });

  test("a symlink's target is replaced, the link stays", async () => {
    const dir = tempDir('replace-link');
    await mkdir(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'summary.json');
    await writeFile(real, 'old');
    const link = path.join(dir, 'summary.json');
    await symlink(real, link);
    await replaceFile(link, 'new');
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  test('a target that is no regular file is written to as it is (/dev/null stays a device)', async () => {
    await replaceFile('/dev/null', 'anything');
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  // Found by a review: -o FILE on a full disk left a cut-off, invalid summary in place of the previous one.
  test('Found by a review: a write that fails part-way (no room) leaves the previous file whole and no temporary file', async () => {
    const dir = tempDir('replace-full');
    const target = path.join(dir, 'summary.json');
    await writeFile(target, '{"previous":true}\n');
    // 4 KiB of room at most (4 blocks of 1024 bytes under bash, of 512 under dash), 16 KiB to write.
    expect(replaceUnderSizeLimit(target, 'x'.repeat(16 * 1024), 4)).toBe('EFBIG');
    expect(await readFile(target, 'utf8')).toBe('{"previous":true}\n');
    expect(await readdir(dir)).toEqual(['summary.json']);
  });
});
