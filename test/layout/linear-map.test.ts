import { computeConstants } from '../../src/layout/constants.js';
import { inLinearMap, linearMapPhysEnd, linearMapSize } from '../../src/layout/linear-map.js';

const c = computeConstants({ era: 'E3', pageShift: 12, vaBits: 48, structPageSize: 64, memstart: 0x8000_0000n, sectionShift: 27 });

test('E3 48/4K linear map: 2^47 bytes from memstart (DIRECT_MAP_PHYSMEM_END + 1 = 0x800080000000)', () => {
  expect(linearMapSize(c)).toBe(1n << 47n);
  expect(linearMapPhysEnd(c, 0x8000_0000n)).toBe(0x8000_0000n + (1n << 47n));
  expect(inLinearMap(0x8000_0000n, c, 0x8000_0000n)).toBe(true);
  expect(inLinearMap(0x8000_0000n + (1n << 47n), c, 0x8000_0000n)).toBe(false);
  expect(inLinearMap(0x7fff_f000n, c, 0x8000_0000n)).toBe(false);
});
