import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { summarizeProfile } from './cpu-profile.mjs';

/**
 * Runs `vmemwarn analyze --format json FILE` under `node --cpu-prof` (profile written to `profDir`) and returns the
 * self-time summary of the profile it wrote.
 */
export async function profileAnalyze(cli, file, profDir, root) {
  await mkdir(profDir, { recursive: true });
  const before = new Set(await readdir(profDir));
  const devNull = openSync('/dev/null', 'w');
  try {
    const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, cli, 'analyze', '--format', 'json', file], {
      stdio: ['ignore', devNull, 'inherit'],
    });
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`analyze exited ${code} under --cpu-prof`);
  } finally {
    closeSync(devNull);
  }
  const written = (await readdir(profDir)).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  if (written.length !== 1) throw new Error(`expected one new .cpuprofile in ${profDir}, found ${written.length}`);
  const profilePath = path.join(profDir, written[0]);
  return { profilePath, summary: summarizeProfile(JSON.parse(await readFile(profilePath, 'utf8')), root) };
}
