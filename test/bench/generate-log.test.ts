import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureLog, logChunks, parseSize, type LogOptions } from '../../bench/generate-log.mjs';

function generate(opts: LogOptions): string {
  return [...logChunks(opts)].join('');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const PRINTK = /^\[\s*\d+\.\d{6}\] /;
const storm = generate({ seed: 7, sizeBytes: 400_000, mix: 'storm' });
const quiet = generate({ seed: 7, sizeBytes: 1_500_000, mix: 'quiet' });

/** Lines from each `cut here` / `Unable to handle` to the next `end trace`, inclusive. */
function splatLineCount(lines: string[]): number {
  let inside = false;
  let count = 0;
  for (const line of lines) {
    if (line.includes('[ cut here ]') || line.includes('Unable to handle kernel')) inside = true;
    if (inside) count++;
    if (line.includes('---[ end trace')) inside = false;
  }
  return count;
}

describe('determinism', () => {
  test('same seed → same bytes, whatever the chunk size', () => {
    const again = generate({ seed: 7, sizeBytes: 400_000, mix: 'storm', chunkBytes: 4096 });
    expect(sha256(again)).toBe(sha256(storm));
  });

  test('another seed → other bytes', () => {
    expect(sha256(generate({ seed: 8, sizeBytes: 400_000, mix: 'storm' }))).not.toBe(sha256(storm));
  });

  test('ensureLog writes once, then reuses the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-gen-'));
    try {
      const opts: LogOptions = { seed: 3, sizeBytes: 50_000, mix: 'quiet' };
      const file = await ensureLog(dir, opts);
      const first = await stat(file);
      expect(await readFile(file, 'utf8')).toBe(generate(opts));
      expect(await ensureLog(dir, opts)).toBe(file);
      expect((await stat(file)).mtimeMs).toBe(first.mtimeMs);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('shape', () => {
  test.each([
    ['storm', storm, 400_000],
    ['quiet', quiet, 1_500_000],
  ])('%s: at least the asked size, whole printk lines, ends with a newline', (_mix, text, size) => {
    expect(text.length).toBeGreaterThanOrEqual(size);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.filter((l) => !PRINTK.test(l))).toEqual([]);
  });

  test('storm mix: about a third of the lines are inside splats', () => {
    const lines = storm.split('\n');
    const share = splatLineCount(lines) / lines.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.42);
  });

  test('quiet mix: about one splat per 2000 lines', () => {
    const lines = quiet.split('\n');
    const splats = lines.filter((l) => l.includes('[ cut here ]') || l.includes('Unable to handle kernel')).length;
    expect(lines.length / splats).toBeGreaterThan(1000);
    expect(lines.length / splats).toBeLessThan(4000);
  });

  test('register dumps run x29 down to x0, three per line', () => {
    const block = storm.split('\n').filter((l) => / x\d+\s*: [0-9a-f]{16}/.test(l)).slice(0, 10);
    expect(block.map((l) => l.replace(PRINTK, '').split(/(?<=[0-9a-f]{16}) /).length)).toEqual(Array(10).fill(3));
    expect(block[0]).toMatch(/x29: [0-9a-f]{16} x28: [0-9a-f]{16} x27: [0-9a-f]{16}$/);
    expect(block[9]).toMatch(/x2 : [0-9a-f]{16} x1 : [0-9a-f]{16} x0 : [0-9a-f]{16}$/);
  });

  test('the first vmemmap splat carries the seed thread page in x0 and a 2 MiB memmap step in x1', () => {
    // Region of 633 sections ending at 2^48: first pfn (2^48 - 633 * 2^27) >> 12 = 0xffec38000; page =
    // vmemmap 0xfffffbfffe000000 + pfn * 64 = 0xffffffffaee00000 (the seed thread's page). One section of 4K pages
    // has 2^(27-12) struct pages of 64 bytes: 0x200000 of memmap.
    const first = ((1n << 48n) - 633n * (1n << 27n)) >> 12n;
    const page = 0xfffffbfffe000000n + first * 64n;
    expect(page).toBe(0xffffffffaee00000n);
    const lines = storm.split('\n');
    const header = lines.findIndex((l) => l.includes('at arch/arm64/mm/mmu.c:'));
    const x0Line = lines.slice(header).find((l) => l.includes(' x0 : '));
    expect(x0Line).toContain(`x1 : ${(page + 0x200000n).toString(16)} x0 : ${page.toString(16)}`);
  });
});

describe('parses with the vmemwarn pipeline', () => {
  test('storm: boot facts, every splat, and the vmemmap populate finding', async () => {
    // Imported here so the generator tests above still run while the pipeline is incomplete.
    const { analyzeText } = await import('../../src/api.js');
    const result = await analyzeText(storm, { name: 'storm' });
    const lines = storm.split('\n');
    const expectedSplats = lines.filter((l) => l.includes('[ cut here ]') || l.includes('Unable to handle kernel')).length;
    expect(result.arch).toBe('arm64');
    expect(result.boots[0]?.release?.value).toBe('6.1.0');
    expect(result.stats.splats).toBe(expectedSplats);
    const populate = result.clusters.flatMap((c) => c.vmemmap).find((f) => f.op === 'populate');
    // pfn of the first page, derived above: (2^48 - 633 * 2^27) >> 12.
    expect(populate?.pfnHull?.start).toBe(((1n << 48n) - 633n * (1n << 27n)) >> 12n);
    expect(populate?.startStep).toBe(0x200000n);
  });
});

test('parseSize', () => {
  expect(parseSize('100MiB')).toBe(100 * 2 ** 20);
  expect(parseSize('1g')).toBe(2 ** 30);
  expect(parseSize('200k')).toBe(200 * 1024);
  expect(() => parseSize('12 parsecs')).toThrow(/bad size/);
});
