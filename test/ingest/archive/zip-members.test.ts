import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openZipBuffer, openZipFile, zipMembers } from '../../../src/ingest/archive/zip-members.js';
import type { ArchiveMember } from '../../../src/ingest/archive/archive-member.js';
import { hasTool } from '../../triage/fixture-tree.js';

const suite = hasTool('zip') ? describe : describe.skip;

async function describeMembers(members: AsyncIterable<ArchiveMember>): Promise<string[]> {
  const out: string[] = [];
  for await (const m of members) {
    let body = '';
    if (m.stream) for await (const chunk of m.stream) body += String(chunk);
    out.push(`${m.kind}${m.encrypted ? ' encrypted' : ''} ${m.name}${body ? ` = ${body.trim()}` : ''}`);
  }
  return out;
}

suite('zipMembers (archives made by the zip CLI)', () => {
  let dir: string;
  let zipPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-zip-'));
    await writeFile(path.join(dir, 'a.txt'), 'alpha\n');
    await writeFile(path.join(dir, 'secret.txt'), 'hidden\n');
    await symlink('a.txt', path.join(dir, 'link.txt'));
    zipPath = path.join(dir, 'test.zip');
    execFileSync('zip', ['-q', '--symlinks', zipPath, 'a.txt', 'link.txt'], { cwd: dir });
    execFileSync('zip', ['-q', '-P', 'pw', zipPath, 'secret.txt'], { cwd: dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const expected = ['file a.txt = alpha', 'symlink link.txt', 'file encrypted secret.txt'];

  test('from a file', async () => {
    expect(await describeMembers(zipMembers(await openZipFile(zipPath)))).toEqual(expected);
  });

  test('from memory', async () => {
    expect(await describeMembers(zipMembers(await openZipBuffer(await readFile(zipPath))))).toEqual(expected);
  });

  test('an unsafe name is returned raw, not rejected', async () => {
    const bytes = Buffer.from(await readFile(zipPath));
    // Rename `a.txt` to `../aa` in both the local header and the central directory (same length: 5 bytes).
    for (let at = bytes.indexOf('a.txt'); at >= 0; at = bytes.indexOf('a.txt', at + 1)) bytes.write('../aa', at, 'latin1');
    const names = (await describeMembers(zipMembers(await openZipBuffer(bytes)))).map((l) => l.split(' ')[1]);
    expect(names[0]).toBe('../aa');
  });

  test('garbage is an error', async () => {
    await expect(openZipBuffer(Buffer.from('PK\x03\x04 not really a zip'))).rejects.toThrow();
  });
});
