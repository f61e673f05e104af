import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyzeFile } from '../../src/api.js';
import { hasTool } from '../triage/fixture-tree.js';
import { tempDir } from '../_temp-dirs.js';

/** Text that compresses poorly, so the compressed file spans many reads and is still open when the limit is hit. */
const TEXT = Buffer.from(Array.from({ length: 400_000 }, (_, i) => `line ${(i * 2654435761) % 1000003} ${Math.sin(i)}`).join('\n'));
const dir = tempDir('fd');
const openFds = (): number => readdirSync('/proc/self/fd').length;

const files: [string, () => Buffer][] = [
  ['gzip', () => gzipSync(TEXT)],
  ...(hasTool('bzip2') ? [['bzip2', () => execFileSync('bzip2', ['-c'], { input: TEXT, maxBuffer: 1 << 28 })] as [string, () => Buffer]] : []),
];

(existsSync('/proc/self/fd') ? describe : describe.skip)('an input stopped at the decompression limit closes its file', () => {
  test.each(files)('%s', async (name, make) => {
    const file = path.join(dir, `big.${name}`);
    writeFileSync(file, make());
    const before = openFds();
    for (let i = 0; i < 5; i++) {
      const result = await analyzeFile(file, { maxDecompressedBytes: 100_000 });
      expect(result.inputError).toMatch(/exceeds the limit of 100000 bytes/);
    }
    expect(openFds()).toBe(before);
  });
});
