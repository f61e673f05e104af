// TTBR0's reach (cpu_set_default_tcr_t0sz: TCR_T0SZ(vabits_actual)); Found by a review, with the wrapped-address
// consequence in diagnose.ts.
import { ttbr0VaBits } from '../../src/layout/ttbr0-reach.js';
import { inferred } from '../../src/layout/inferred.js';
import { makeLayout } from '../analyze/vmemmap/make-layout.js';

test('TTBR0 covers 2^vabits_actual: VA_BITS up to 48, VA_BITS_MIN to VA_BITS for a 52-bit kernel nothing told of (Found by a review)', () => {
  expect(ttbr0VaBits(makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart: 0n, sectionShift: 27 }))).toEqual({ min: 39, max: 39 });
  const lva = makeLayout({ era: 'E4', pageShift: 16, vaBits: 52, memstart: 0n, sectionShift: 29 });
  // VA_BITS_MIN is 48 for a 52-bit 64K kernel (memory.h).
  expect(ttbr0VaBits(lva)).toEqual({ min: 48, max: 52 });
  expect(ttbr0VaBits({ ...lva, vaBitsActual: inferred(48, 'log', 'high') })).toEqual({ min: 48, max: 48 });
});
