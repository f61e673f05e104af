import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LockAbortedError, LockTimeoutError, withFileLock } from '../../src/triage/file-lock.js';

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

  // Found by a review: SIGTERM while another run held the history's lock was ignored: the run waited its 60 s, then
  // exited 3 with a summary that said it had not been interrupted (docker stop's SIGKILL 10 s later lost it all).
  test('Found by a review: a stop ends the wait at once', async () => {
    const lock = path.join(dir, 'x.lock');
    await writeFile(lock, '1\n');
    const stop = new AbortController();
    const started = Date.now();
    setTimeout(() => stop.abort(), 50);
    await expect(withFileLock(lock, async () => 'never', { timeoutMs: 60_000, signal: stop.signal })).rejects.toThrow(LockAbortedError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await readFile(lock, 'utf8')).toBe('1\n');
  });

  test('a run already stopped still takes a free lock: it is tried once before the stop counts', async () => {
    const lock = path.join(dir, 'x.lock');
    await expect(withFileLock(lock, async () => 'taken', { signal: AbortSignal.abort() })).resolves.toBe('taken');
    await writeFile(lock, '1\n');
    await expect(withFileLock(lock, async () => 'never', { signal: AbortSignal.abort() })).rejects.toThrow(LockAbortedError);
  });

  // Found by a review: a --db run on a full disk created the lock, failed to write its pid into it and left it there,
  // empty: every later run waited 60 s and failed "the history is locked by another run", for 10 minutes.
  test('Found by a review: a lock whose pid cannot be written (no room for it) is removed, and the error passed on', () => {
    const lock = path.join(dir, 'x.lock');
    const lockModule = new URL('../../dist/triage/file-lock.js', import.meta.url).href;
    const script = `import { withFileLock } from ${JSON.stringify(lockModule)};
      await withFileLock(${JSON.stringify(lock)}, async () => 'held').then((v) => console.log(v), (e) => console.log(e.code));`;
    // A file size limit of 0 blocks: creating the lock succeeds, writing into it fails (EFBIG; node ignores SIGXFSZ).
    const run = spawnSync('sh', ['-c', 'ulimit -f 0 && exec "$0" --input-type=module -e "$1"', process.execPath, script], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('EFBIG');
    return expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
