import { parseMemRange } from '../../../src/parse/fields/mem-range.js';

test('inclusive [mem start-end]', () => {
  expect(parseMemRange('  DMA      [mem 0x0000000080000000-0x00000000ffffffff]')).toEqual({ start: 0x80000000n, end: 0xffffffffn });
  expect(parseMemRange('  DMA32    empty')).toBeUndefined();
});
