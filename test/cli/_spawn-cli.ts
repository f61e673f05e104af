import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLES = fileURLToPath(new URL('../../samples/logs/', import.meta.url));

/** Runs the built `bin/vmemwarn` (dist/, built by test/global-setup.ts) as a real process. */
export function spawnCli(
  args: readonly string[],
  opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {},
): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...opts.env };
  const result = spawnSync(process.execPath, ['bin/vmemwarn', ...args], {
    cwd: REPO_ROOT,
    env,
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
