import { open, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs?: number;
  /** A lock file older than this was left by a run that died: it is taken over. */
  staleMs?: number;
  /** Stops the wait (Ctrl-C, SIGTERM): the lock is tried once more, then LockAbortedError. */
  signal?: AbortSignal;
}

/** Thrown when the lock stayed taken for `timeoutMs`. */
export class LockTimeoutError extends Error {}

/** Thrown when `signal` stopped the wait for the lock. */
export class LockAbortedError extends Error {}

const RETRY_MS = 25;

/**
 * Runs `work` holding `lockPath`, a file created exclusively (O_EXCL, so one holder on a local or NFSv3+ file
 * system) and removed afterwards, whatever `work` did. Two triage runs that record into one history at once had
 * both read it, and the second rename had dropped the first run.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const staleMs = opts.staleMs ?? 10 * 60_000;
  const started = Date.now();
  for (;;) {
    const handle = await open(lockPath, 'wx').catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
      return undefined;
    });
    if (handle !== undefined) {
      // Once created the lock is ours to remove, also when its pid cannot be written (a full disk): left empty, it
      // had held every later run off for staleMs.
      await handle
        .writeFile(`${process.pid}\n`)
        .finally(() => handle.close())
        .catch(async (err: unknown) => {
          await unlink(lockPath).catch(() => undefined);
          throw err;
        });
      break;
    }
    const held = await stat(lockPath).catch(() => undefined);
    if (held !== undefined && Date.now() - held.mtimeMs > staleMs) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (opts.signal?.aborted === true) throw new LockAbortedError('stopped while another run held the lock');
    if (Date.now() - started > timeoutMs) throw new LockTimeoutError(`locked by another run for ${Math.round(timeoutMs / 1000)} s`);
    // A stop ends the pause at once (sleep rejects); the lock is then tried once more.
    await sleep(RETRY_MS, undefined, opts.signal === undefined ? {} : { signal: opts.signal }).catch(() => undefined);
  }
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}
