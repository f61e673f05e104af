import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LockTimeoutError, withFileLock } from '../../src/triage/file-lock.js';

describe('withFileLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  test('holders take turns: no two run at once', async () => {
    const lock = path.join(dir, 'x.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      [1, 2, 3, 4].map(() =>
        withFileLock(lock, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 20));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    await expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('the lock is given back when the work fails', async () => {
    const lock = path.join(dir, 'x.lock');
    await expect(withFileLock(lock, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(readFile(lock)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('a lock held past the timeout is an error; a stale one is taken over', async () => {
    const lock = path.join(dir, 'x.lock');
    await writeFile(lock, '1\n');
    await expect(withFileLock(lock, async () => 'never', { timeoutMs: 50 })).rejects.toThrow(LockTimeoutError);
    const old = new Date(Date.now() - 3_600_000);
    await utimes(lock, old, old);
    await expect(withFileLock(lock, async () => 'taken', { timeoutMs: 50, staleMs: 60_000 })).resolves.toBe('taken');
  });
});
