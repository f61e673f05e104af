import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './_temp-dirs.js';

/** `n` copies of `file` in a fresh temp dir: `analyze` reads a file named twice once, so a test wanting many inputs names copies. */
export function copiesOf(file: string, n: number): string[] {
  const dir = tempDir('copies');
  return Array.from({ length: n }, (_, i) => {
    const copy = path.join(dir, `${i}-${path.basename(file)}`);
    copyFileSync(file, copy);
    return copy;
  });
}
