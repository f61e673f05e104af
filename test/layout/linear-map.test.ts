import { computeConstants } from '../../src/layout/constants.js';
import { inLinearMap, linearMapFirstPhys, linearMapMoves, linearMapPhysEnd, linearMapPhysStart, linearMapPhysText, pageEndOf } from '../../src/layout/linear-map.js';
import { physToLinearVa } from '../../src/layout/convert.js';

const U64 = (x: bigint) => BigInt.asUintN(64, x);

const c = computeConstants({ era: 'E3', pageShift: 12, vaBits: 48, structPageSize: 64, memstart: 0x8000_0000n, sectionShift: 27 });

test('E3 48/4K linear map: 2^47 bytes from memstart (DIRECT_MAP_PHYSMEM_END + 1 = 0x800080000000)', () => {
  expect(linearMapPhysStart(c, 0x8000_0000n)).toBe(0x8000_0000n);
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

// A 52-bit 64K kernel on a CPU with 48-bit VAs: PAGE_OFFSET is _PAGE_OFFSET(52) = -2^52, but VAs below
// _PAGE_OFFSET(48) = -2^48 do not exist there, and arm64_memblock_init lowers memstart_addr by
// _PAGE_OFFSET(48) - _PAGE_OFFSET(52) = 2^52 - 2^48 so that DRAM lands at -2^48.
test.each(['E2', 'E3'] as const)('%s 52/64K on a 48-bit CPU: the map starts at DRAM, not at memstart', (era) => {
  const dram = 0x8000_0000n;
  const memstart = U64(dram - ((1n << 52n) - (1n << 48n)));
  const w = computeConstants({ era, pageShift: 16, vaBits: 52, vaBitsActual: 48, structPageSize: 64, memstart, sectionShift: 29 });
  expect(w.linearMapStart).toBe(U64(-(1n << 48n)));
  expect(linearMapPhysStart(w, memstart)).toBe(dram);
  // PAGE_END = _PAGE_END(48) = -2^47 (E2: _PAGE_END(vabits_actual)): 2^47 bytes from DRAM's start.
  expect(linearMapPhysEnd(w, memstart)).toBe(dram + (1n << 47n));
  expect(inLinearMap(dram, w, memstart)).toBe(true);
  expect(physToLinearVa(dram, memstart, w)).toBe(U64(-(1n << 48n)));
  // Below DRAM the VA would be under -2^48: no linear map there.
  expect(inLinearMap(dram - 0x1000n, w, memstart)).toBe(false);
  // The same kernel on a 52-bit CPU maps from PAGE_OFFSET.
  expect(computeConstants({ era, pageShift: 16, vaBits: 52, structPageSize: 64, memstart: dram, sectionShift: 29 }).linearMapStart).toBeUndefined();
});

// Found by an audit: a report said the window "only covers phys 0xfff1000080000000-0x800080000000".
test('a memstart below zero: the map is said to cover phys from 0, and its end is unchanged', () => {
  const memstart = U64(0x8000_0000n - ((1n << 52n) - (1n << 48n)));
  const w = computeConstants({ era: 'E3', pageShift: 16, vaBits: 52, structPageSize: 64, memstart, sectionShift: 29 });
  expect(linearMapPhysStart(w, memstart)).toBe(memstart);
  expect(linearMapFirstPhys(w, memstart)).toBe(0n);
  expect(linearMapFirstPhys(c, 0x8000_0000n)).toBe(0x8000_0000n);
  expect(linearMapPhysEnd(w, memstart)).toBe(U64(memstart + ((1n << 52n) - (1n << 47n))));
});

// Found by a second audit: `explain --va-bits 39 --memstart 0xfff1000080000000` said "covers phys 0x0-0xfff1004080000000".
test('a memstart that puts the whole map below 0: no physical address', () => {
  const memstart = 0xfff1_0000_8000_0000n;
  const w = computeConstants({ era: 'E3', pageShift: 12, vaBits: 39, structPageSize: 64, memstart, sectionShift: 27 });
  expect(linearMapPhysText(w, memstart)).toBe('no physical address (memstart_addr 0xfff1000080000000 puts it all below 0)');
  expect(linearMapPhysText(c, 0x8000_0000n)).toBe('phys 0x80000000-0x800080000000');
});
