import { explainValueArg, parseExplainValue } from '../../src/cli/commands-explain.js';
import { UsageError } from '../../src/errors.js';

test.each([
  ['0xffffffffaee00000', 'addr', 0xffff_ffff_aee0_0000n],
  ['ffffffffaee00000', 'addr', 0xffff_ffff_aee0_0000n],
  ['pfn:0xffec38000', 'pfn', 0xf_fec3_8000n],
  ['pfn:ffec38000', 'pfn', 0xf_fec3_8000n],
  // Hex like the kernel's `pfn:1b317b`, digits only or not: `pfn:80000` had been read as decimal 0x13880.
  ['pfn:80000', 'pfn', 0x8_0000n],
  ['pfn:1b317b', 'pfn', 0x1b_317bn],
  ['phys:80000000', 'phys', 0x8000_0000n],
  ['phys:0x80000000', 'phys', 0x8000_0000n],
])('%s', (text, kind, value) => {
  expect(parseExplainValue(text)).toEqual({ kind, value });
});

test.each(['', 'pfn:', 'pfn:zz', '0x1ffffffffffffffff', 'foo:12'])('rejects %p', (text) => {
  expect(() => parseExplainValue(text)).toThrow(UsageError);
});

test('a value past 64 bits is named once, with what it was read as', () => {
  expect(() => parseExplainValue('0x1ffffffffffffffff')).toThrow("explain: the address must be a 64-bit hex value, not '0x1ffffffffffffffff'");
  expect(() => parseExplainValue('pfn:1ffffffffffffffff')).toThrow("explain: the pfn must be a 64-bit hex value, not '1ffffffffffffffff'");
});

describe('explainValueArg: the value from the positional or after `--`', () => {
  test('the positional', () => {
    expect(explainValueArg(['explain', '0x10'], '0x10')).toBe('0x10');
  });

  test('after `--`, where yargs fills no positional (it had been "not enough arguments")', () => {
    expect(explainValueArg(['explain', '--', '0xfffffc0000000000'], undefined)).toBe('0xfffffc0000000000');
    expect(explainValueArg(['explain', '--kernel', '6.1', '--', '-0x10'], undefined)).toBe('-0x10');
  });

  test('none, or more than one, is a usage error', () => {
    expect(() => explainValueArg(['explain'], undefined)).toThrow(new UsageError('explain: give a struct page address, pfn:N or phys:N (hex)'));
    expect(() => explainValueArg(['explain', '0x1', '--', '0x2'], '0x1')).toThrow(new UsageError('explain takes one value, not 2: 0x1 0x2'));
  });
});
