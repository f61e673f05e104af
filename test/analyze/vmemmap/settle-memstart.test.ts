import { settleMemstart } from '../../../src/analyze/vmemmap/settle-memstart.js';
import { makeLayout } from './make-layout.js';

const U64 = (x: bigint) => BigInt.asUintN(64, x);
// E3 48/4K with memstart 0x80000000: vmemmap = -2^42 - 0x80000 * 64; the page of pfn 2^36 (phys 2^48) ends a region.
const vmemmap = U64(-(1n << 42n) - 0x8_0000n * 64n);
const topEnd = U64(vmemmap + (1n << 36n) * 64n);
const lastSection = [{ start: topEnd - 0x20_0000n, end: topEnd }];

describe('settleMemstart', () => {
  test('a memstart from the log stays', () => {
    const read = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27 });
    expect(settleMemstart(read, lastSection)).toEqual({ layout: read, relativePfns: false });
  });

  test('an unread memstart is anchored at the top of the PA range', () => {
    const guessed = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0n, sectionShift: 27 }, 'default');
    const s = settleMemstart(guessed, lastSection);
    expect(s.layout.memstart.value).toBe(0x8000_0000n);
    expect(s.note).toMatch(/heuristic/);
  });

  test('no anchor: relative PFNs', () => {
    const guessed = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0n, sectionShift: 27 }, 'default');
    const s = settleMemstart(guessed, [{ start: topEnd - 0x40_0000n, end: topEnd - 0x20_0000n }]);
    expect(s).toMatchObject({ layout: guessed, relativePfns: true });
    expect(s.note).toMatch(/relative/);
  });
});
