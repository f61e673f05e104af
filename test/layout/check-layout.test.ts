import { UsageError } from '../../src/errors.js';
import { candidateLayouts } from '../../src/layout/infer.js';
import { checkBigint, checkConstants, checkLayout, checkLayouts } from '../../src/layout/check-layout.js';

const layouts = candidateLayouts({}, { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096, memstart: 0x80000000n });

describe('check-layout', () => {
  test('layouts, their constants and bigints pass', () => {
    expect(() => checkLayout('f', 'layout', layouts[0])).not.toThrow();
    expect(() => checkLayouts('f', 'layouts', layouts)).not.toThrow();
    expect(() => checkConstants('f', layouts[0]?.constants)).not.toThrow();
    expect(() => checkBigint('f', 'pfn', 5n)).not.toThrow();
  });

  test('a layout array names the first element that is no layout', () => {
    expect(() => checkLayouts('explainValue', 'layouts', [layouts[0], {}])).toThrow(/^explainValue: layouts\[1\] must be a layout/);
    expect(() => checkLayouts('explainValue', 'layouts', 'E3')).toThrow(UsageError);
  });

  test('constants without the vmemmap numbers, and a number for a bigint, are UsageErrors', () => {
    expect(() => checkConstants('pfnToPage', { vmemmapBase: 1 })).toThrow(/^pfnToPage: c must be a layout's constants/);
    expect(() => checkBigint('pfnToPage', 'pfn', 5)).toThrow(/^pfnToPage: pfn must be a bigint \(0x80000000n\), not /);
  });
});
