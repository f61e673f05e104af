import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { layoutOverrides, MAX_CONFIG_BYTES, parsePageSize, parseU64 } from '../../src/cli/layout-flags.js';
import { InputError, UsageError } from '../../src/errors.js';
import { execFileSync } from 'node:child_process';
import { hasTool } from '../triage/fixture-tree.js';
import { tempDir } from '../_temp-dirs.js';

test('page sizes', () => {
  expect(parsePageSize('4k')).toBe(4096);
  expect(parsePageSize('16K')).toBe(16384);
  expect(parsePageSize('65536')).toBe(65536);
  expect(() => parsePageSize('8k')).toThrow(UsageError);
});

test('u64 values', () => {
  expect(parseU64('0x80000000', '--memstart')).toBe(0x8000_0000n);
  expect(parseU64('0x8000_0000', '--memstart')).toBe(0x8000_0000n);
  expect(parseU64('ffffffffaee00000', '--memstart')).toBe(0xffff_ffff_aee0_0000n);
  expect(() => parseU64('0x1ffffffffffffffff', '--memstart')).toThrow(UsageError);
  expect(() => parseU64('zz', '--memstart')).toThrow(UsageError);
});

test('overrides from flags', async () => {
  await expect(layoutOverrides({ kernel: '6.1', 'va-bits': 48, 'page-size': '4k', memstart: '0x80000000', era: 'e4' })).resolves.toEqual({
    kernel: '6.1',
    vaBits: 48,
    pageSizeBytes: 4096,
    memstart: 0x8000_0000n,
    era: 'E4',
  });
  await expect(layoutOverrides({ 'va-bits': 40 })).rejects.toThrow(UsageError);
  await expect(layoutOverrides({ kernel: 'latest' })).rejects.toThrow(UsageError);
  await expect(layoutOverrides({ config: '/nonexistent/.config' })).rejects.toThrow('/nonexistent/.config');
  // What no single flag says, named by the flags.
  await expect(layoutOverrides({ 'va-bits': 47, 'page-size': '4k' })).rejects.toThrow(new UsageError('--va-bits 47 is impossible with 4K pages (valid: 39, 48, 52)'));
});

test('--config - cannot share stdin with a log or a list of paths: a usage error naming what reads it', async () => {
  await expect(layoutOverrides({ config: '-' }, 'the log (no file, or -)')).rejects.toThrow(
    new UsageError('--config - cannot read stdin: the log (no file, or -) reads it'),
  );
});

describe('--config that is no kernel config: a one-line input error, memory bounded', () => {
  const dir = tempDir('config');

  test('a gzip that inflates past MAX_CONFIG_BYTES', async () => {
    const bomb = path.join(dir, 'bomb.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(MAX_CONFIG_BYTES + 1)));
    await expect(layoutOverrides({ config: bomb })).rejects.toThrow(new InputError(bomb, 'kernel config inflates to more than 16 MiB'));
  });

  test('a gzip that inflates to just the limit is read', async () => {
    const full = path.join(dir, 'full.gz');
    writeFileSync(full, gzipSync(Buffer.concat([Buffer.from('CONFIG_ARM64_VA_BITS=48\n'), Buffer.alloc(MAX_CONFIG_BYTES - 24, '#')])));
    await expect(layoutOverrides({ config: full })).resolves.toMatchObject({ configText: expect.stringMatching(/^CONFIG_ARM64_VA_BITS=48\n#/) });
  });

  test('a config whose VA size its page size does not have: an input error naming the file and both lines', async () => {
    const impossible = path.join(dir, 'impossible');
    writeFileSync(impossible, 'CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_VA_BITS=42\n');
    await expect(layoutOverrides({ config: impossible })).rejects.toThrow(
      new InputError(impossible, 'not a possible arm64 config: CONFIG_ARM64_VA_BITS=42 (line 2) is impossible with 4K pages (line 1; valid: 39, 48, 52)'),
    );
  });

  test('a device that never ends', async () => {
    await expect(layoutOverrides({ config: '/dev/zero' })).rejects.toThrow(new InputError('/dev/zero', 'cannot read kernel config: larger than 16 MiB'));
  });
});

// Found by review: an xz, zstd or bzip2 config was read as text with no CONFIG_ line in it, so it set nothing and
// the layout fell back to defaults with no word said.
describe('--config compressed as logs may be', () => {
  const dir = tempDir('config-z');
  const plain = path.join(dir, 'config');
  writeFileSync(plain, 'CONFIG_ARM64_VA_BITS=39\nCONFIG_ARM64_4K_PAGES=y\n');

  test.each([
    ['gzip', ['-kc'], 'gz'],
    ['bzip2', ['-kc'], 'bz2'],
    ['xz', ['-kc'], 'xz'],
    ['zstd', ['-qc'], 'zst'],
  ])('%s', async (tool, args, ext) => {
    if (!hasTool(tool)) return;
    const packed = path.join(dir, `config.${ext}`);
    writeFileSync(packed, execFileSync(tool, [...args, plain]));
    await expect(layoutOverrides({ config: packed })).resolves.toMatchObject({ configText: 'CONFIG_ARM64_VA_BITS=39\nCONFIG_ARM64_4K_PAGES=y\n' });
  });

  test('a file with no CONFIG_ line (a log given by mistake) is an input error, not a config that sets nothing', async () => {
    const log = path.join(dir, 'dmesg.txt');
    writeFileSync(log, '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]\n');
    await expect(layoutOverrides({ config: log })).rejects.toThrow(new InputError(log, 'not a kernel config: no CONFIG_ line in it'));
  });

  test('a config with only "is not set" lines is one', async () => {
    const off = path.join(dir, 'off.config');
    writeFileSync(off, '# CONFIG_RANDOMIZE_BASE is not set\n');
    await expect(layoutOverrides({ config: off })).resolves.toMatchObject({ configText: '# CONFIG_RANDOMIZE_BASE is not set\n' });
  });
});
