import { faultAddress } from '../../../src/analyze/vmemmap/fault-address.js';
import { makeSplat } from './make-splat.js';

describe('faultAddress', () => {
  test('from the header or the first lines', () => {
    expect(faultAddress(makeSplat({ header: 'Unable to handle kernel paging request at virtual address 000001ff6ee00000' }))).toBe(0x1ff6ee00000n);
    const inLines = makeSplat({
      header: 'Internal error: Oops: 0000000096000044 [#1] PREEMPT SMP',
      lines: [{ lineNo: 5, text: 'Unable to handle kernel paging request at virtual address 0000003bfe000000' }],
    });
    expect(faultAddress(inLines)).toBe(0x3bfe000000n);
  });

  test('undefined when no address is printed', () => {
    expect(faultAddress(makeSplat())).toBeUndefined();
  });
});
