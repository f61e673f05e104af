import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Starts the built `bin/vmemwarn` as a real process, sends it one SIGINT once it is surely waiting (the bundle loads in
 * well under `afterMs`), and says how it ended: its exit code, or `'hung'` (then killed) if it outlived `hangMs`.
 */
export async function interruptCli(
  args: readonly string[],
  afterMs = 1500,
  hangMs = 5000,
): Promise<{ code: number | null | 'hung'; stderr: string }> {
  const child = spawn(process.execPath, ['bin/vmemwarn', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  child.kill('SIGINT');
  const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), hangMs))]);
  if (code === 'hung') child.kill('SIGKILL');
  return { code, stderr };
}
