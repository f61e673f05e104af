import { memstartFromPfnRegister } from '../../../src/analyze/vmemmap/pfn-register-memstart.js';
import { makeLayout } from './make-layout.js';

const U64 = (x: bigint) => BigInt.asUintN(64, x);
const reg = (r: string, value: bigint, lineNo = 30) => ({ reg: r, value, lineNo });

describe('memstartFromPfnRegister (an E4 ZONE_DEVICE Oops: x0 = struct page, x1 = its pfn)', () => {
  // E4 48/4K: VMEMMAP_START = -(2^42 + 2^30) (0xfffffdffc0000000), reference §4; memstart 0x80000000 puts vmemmap at
  // VMEMMAP_START - 0x80000 * 64, and pfn 0xfffa00000 at vmemmap + pfn * 64, past 2^64.
  const guessed = makeLayout({ era: 'E4', pageShift: 12, vaBits: 48, memstart: 0n, sectionShift: 27 }, 'default');
  const vmemmap = U64(guessed.constants.vmemmapStart - (0x8000_0000n >> 12n) * 64n);
  const pfn = 0xfffa00000n;
  const page = U64(vmemmap + pfn * 64n);

  test('the page and its pfn give memstart, with the registers named', () => {
    expect(guessed.constants.vmemmapStart).toBe(0xfffffdffc0000000n);
    const pinned = memstartFromPfnRegister(guessed, {
      faultAddress: page + 0x34n,
      registers: [reg('x29', 0xffff80008359b9f0n), reg('x28', pfn), reg('x26', page), reg('x1', pfn, 39), reg('x0', page, 39)],
    });
    expect(pinned?.memstart).toMatchObject({ value: 0x8000_0000n, confidence: 'medium', source: { kind: 'register', reg: 'x0, x1', lineNo: 39 } });
    expect(pinned?.constants.vmemmapBase).toBe(vmemmap);
  });

  // An audit: with the true pfn gone from x1, another register 1 GiB of pfns on (an end pfn) gave a wrong memstart.
  test('only x1, the pfn argument, is read as the pfn; a value there that fits no aligned memstart gives nothing', () => {
    expect(memstartFromPfnRegister(guessed, { faultAddress: page + 0x34n, registers: [reg('x0', page), reg('x1', 0x1234n)] })).toBeUndefined();
    const oneGiBOn = pfn + (1n << 18n);
    expect(memstartFromPfnRegister(guessed, { faultAddress: page + 0x34n, registers: [reg('x0', page), reg('x1', 0x1234n), reg('x2', oneGiBOn)] })).toBeUndefined();
  });

  test('the fault must lie inside the page the register names', () => {
    expect(memstartFromPfnRegister(guessed, { faultAddress: page + 64n, registers: [reg('x0', page), reg('x1', pfn)] })).toBeUndefined();
  });
});
