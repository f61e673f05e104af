import { layoutOverrides, parsePageSize, parseU64 } from '../../src/cli/layout-flags.js';
import { UsageError } from '../../src/errors.js';

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
});

test('--config - cannot share stdin with a log or a list of paths: a usage error naming what reads it', async () => {
  await expect(layoutOverrides({ config: '-' }, 'the log (no file, or -)')).rejects.toThrow(
    new UsageError('--config - cannot read stdin: the log (no file, or -) reads it'),
  );
});
