import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The bundle bin/vmemwarn runs is the last thing `npm run build` writes.
const BUILT_ENTRY = path.join(ROOT, 'dist', 'bundle', 'main.js');

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtimeMs(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** Spawned CLI tests (dist/bundle/) and the worker pool (dist/) run the build: rebuild it when it is missing or older than src/. */
export default function globalSetup(): void {
  const builtAt = existsSync(BUILT_ENTRY) ? statSync(BUILT_ENTRY).mtimeMs : 0;
  if (builtAt >= newestMtimeMs(path.join(ROOT, 'src'))) return;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // tsc still emits on type errors; only a missing entry point makes the spawned tests meaningless.
  spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(BUILT_ENTRY)) throw new Error(`build did not produce ${BUILT_ENTRY}`);
}
