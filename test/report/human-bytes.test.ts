import { humanBytes } from '../../src/report/human-bytes.js';

test.each([
  [0n, '0 bytes'],
  [1023n, '1023 bytes'],
  [1536n, '1.5 KiB'],
  // VMEMMAP_SIZE of 48-bit/4K (E3): (2^47 >> 6) = 2^41 bytes = 2 TiB.
  ['0x20000000000', '2 TiB'],
  // Three sparsemem sections of 2^27 bytes.
  ['0x18000000', '384 MiB'],
])('%p → %s', (size, text) => {
  expect(humanBytes(size)).toBe(text);
});
