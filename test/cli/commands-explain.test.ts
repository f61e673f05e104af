import { parseExplainValue } from '../../src/cli/commands-explain.js';
import { UsageError } from '../../src/errors.js';

test.each([
  ['0xffffffffaee00000', 'addr', 0xffff_ffff_aee0_0000n],
  ['ffffffffaee00000', 'addr', 0xffff_ffff_aee0_0000n],
  ['pfn:0xffec38000', 'pfn', 0xf_fec3_8000n],
  ['pfn:ffec38000', 'pfn', 0xf_fec3_8000n],
  ['pfn:4096', 'pfn', 4096n],
  ['phys:0x80000000', 'phys', 0x8000_0000n],
])('%s', (text, kind, value) => {
  expect(parseExplainValue(text)).toEqual({ kind, value });
});

test.each(['', 'pfn:', 'pfn:zz', '0x1ffffffffffffffff', 'foo:12'])('rejects %p', (text) => {
  expect(() => parseExplainValue(text)).toThrow(UsageError);
});
