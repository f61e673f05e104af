import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SAMPLES } from './_spawn-cli.js';

export const TREE_LOGS = {
  amdgpu: 'a/e3-48-4k-amdgpu-populate-storm.log',
  plainGz: 'b/plain.log.gz',
  testHmm: 'c/e3-48-4k-test-hmm-populate-free-storm.log',
} as const;

/** A temp tree of three sample logs in three folders, one of them gzip-compressed. */
export function makeSampleTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'vmemwarn-tree-'));
  for (const dir of ['a', 'b', 'c']) mkdirSync(path.join(root, dir));
  copyFileSync(`${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`, path.join(root, TREE_LOGS.amdgpu));
  writeFileSync(path.join(root, TREE_LOGS.plainGz), gzipSync(readFileSync(`${SAMPLES}plain-boot-6.6-unrelated-warning.log`)));
  copyFileSync(`${SAMPLES}e3-48-4k-test-hmm-populate-free-storm.log`, path.join(root, TREE_LOGS.testHmm));
  return root;
}
