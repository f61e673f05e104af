import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ensureLog, GENERATOR_VERSION } from '../generate-log.mjs';

/**
 * A directory of `count` small generated logs for the triage benchmark: every tenth log is a storm, the rest
 * quiet, each with its own seed. Files already present are reused.
 */
export async function ensureTriageCorpus(baseDir, count, sizeBytes) {
  const dir = path.join(baseDir, `triage-${count}x${sizeBytes}b-g${GENERATOR_VERSION}`);
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    await ensureLog(dir, { seed: 1000 + i, sizeBytes, mix: i % 10 === 9 ? 'storm' : 'quiet' });
  }
  return dir;
}
