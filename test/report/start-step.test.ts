import { startStepParts } from '../../src/report/start-step.js';

describe('startStepParts', () => {
  test('a negative step, held as its u64 two\'s complement, reads signed: one 64K section of memmap placed top-down', () => {
    // 2^(29-16) pages of a 512 MiB section * 64-byte struct page = 0x80000, stepping down.
    expect(startStepParts('0xfffffffffff80000')).toEqual({ value: '-0x80000', note: '512 KiB of memmap per splat, each below the one before' });
  });

  test('the signed form of schema 1.3.0 reads the same', () => {
    expect(startStepParts('-0x80000')).toEqual({ value: '-0x80000', note: '512 KiB of memmap per splat, each below the one before' });
  });

  test('a positive step stays as it is: one 4K section of memmap (2^(27-12) * 64 = 2 MiB)', () => {
    expect(startStepParts('0x200000')).toEqual({ value: '0x200000', note: '2 MiB of memmap per splat' });
  });
});
