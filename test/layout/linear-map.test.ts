import { computeConstants } from '../../src/layout/constants.js';
import { inLinearMap, linearMapMoves, linearMapPhysEnd, linearMapSize, pageEndOf } from '../../src/layout/linear-map.js';

const c = computeConstants({ era: 'E3', pageShift: 12, vaBits: 48, structPageSize: 64, memstart: 0x8000_0000n, sectionShift: 27 });

test('E3 48/4K linear map: 2^47 bytes from memstart (DIRECT_MAP_PHYSMEM_END + 1 = 0x800080000000)', () => {
  expect(linearMapSize(c)).toBe(1n << 47n);
  expect(linearMapPhysEnd(c, 0x8000_0000n)).toBe(0x8000_0000n + (1n << 47n));
  expect(inLinearMap(0x8000_0000n, c, 0x8000_0000n)).toBe(true);
  expect(inLinearMap(0x8000_0000n + (1n << 47n), c, 0x8000_0000n)).toBe(false);
  expect(inLinearMap(0x7fff_f000n, c, 0x8000_0000n)).toBe(false);
});

test('vabits_actual moves the end of the linear map in 5.4-5.10 and under a KASAN shadow only', () => {
  expect([linearMapMoves('E2', false), linearMapMoves('E3', true), linearMapMoves('E3', false), linearMapMoves('E4', false)]).toEqual([true, true, false, false]);
});

test('_PAGE_END(va) = -(1 << (va - 1))', () => {
  expect([pageEndOf(48), pageEndOf(39), pageEndOf(52)]).toEqual([0xffff_8000_0000_0000n, 0xffff_ffc0_0000_0000n, 0xfff8_0000_0000_0000n]);
});
