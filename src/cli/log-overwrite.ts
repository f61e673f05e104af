import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { earlierOutputKind } from '../triage/earlier-output.js';

const HEAD_BYTES = 512;

/**
 * `triage logs -o logs/x.log`: a file in a directory the run reads is left out of the walk as the run's own output,
 * so a log there would be replaced by the summary without a word. A UsageError unless the file is missing, empty or
 * an earlier output of vmemwarn (which a rerun writes over as it should).
 */
export async function refuseOverwritingALog(target: string | undefined, flag: string, inputs: readonly string[]): Promise<void> {
  if (target === undefined || target === '-') return;
  const info = await stat(target).catch(() => undefined);
  if (info === undefined || !info.isFile() || info.size === 0) return;
  const resolved = path.resolve(target);
  let within: string | undefined;
  for (const input of inputs) {
    if (input === '-') continue;
    const dir = path.resolve(input);
    if (resolved.startsWith(`${dir}${path.sep}`) && (await stat(dir).catch(() => undefined))?.isDirectory() === true) {
      within = input;
      break;
    }
  }
  if (within === undefined) return;
  const head = Buffer.alloc(HEAD_BYTES);
  const file = await open(target, 'r').catch(() => undefined);
  if (file === undefined) return;
  let read: number;
  try {
    read = (await file.read(head, 0, HEAD_BYTES, 0)).bytesRead;
  } finally {
    await file.close();
  }
  if (earlierOutputKind(head.subarray(0, read)) !== undefined) return;
  throw new UsageError(
    `${flag} ${target}: is in ${within}, which this run reads, and holds no vmemwarn output: writing there would replace it (a log?); remove it or write elsewhere`,
  );
}
