import { UsageError } from '../../src/errors.js';
import { pageShiftForSize, pageSizeLabel, pudShift } from '../../src/layout/page-geometry.js';

test.each([
  // levels = (VA - 4) / (PS - 3); 4 levels → PUD_SHIFT = (PS-3)*3 + 3; 3 levels → PGDIR_SHIFT = LEVEL_SHIFT(1);
  // 2 levels → PGDIR_SHIFT = LEVEL_SHIFT(2) = (PS-3)*2 + 3.
  [12, 48, 30],
  [12, 39, 30],
  [14, 47, 36],
  [14, 36, 25],
  [16, 42, 29],
  [16, 48, 42],
])('PUD_SHIFT for PAGE_SHIFT %i, %i-bit VA = %i', (ps, va, shift) => {
  expect(pudShift(ps, va)).toBe(shift);
});

test('page sizes', () => {
  expect(pageShiftForSize(16384)).toBe(14);
  expect(pageSizeLabel(16)).toBe('64K');
  expect(() => pageShiftForSize(8192)).toThrow(UsageError);
});
