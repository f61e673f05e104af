/**
 * Bug: `vmemwarn explain pfn:99999999999999999999999` was accepted and printed a "pfn" of 0x152d02c7e14af67fffff,
 * wider than any register: decimal PFNs and physical addresses skipped the 64-bit check that hex ones had. Values are
 * all hex now; a long one is still a usage error.
 */
import { parseExplainValue } from '../../src/cli/commands-explain.js';
import { UsageError } from '../../src/errors.js';

const U64_MAX = (1n << 64n) - 1n;

test.each([`pfn:${(U64_MAX + 1n).toString(16)}`, `phys:${(U64_MAX + 1n).toString(16)}`, 'pfn:99999999999999999999999'])('%s is a usage error', (text) => {
  expect(() => parseExplainValue(text)).toThrow(UsageError);
});

test('the largest u64 is still accepted', () => {
  expect(parseExplainValue(`pfn:${U64_MAX.toString(16)}`)).toEqual({ kind: 'pfn', value: U64_MAX });
});
