import { byFirstChar } from '../../src/util/first-char-table.js';

const RULES = [
  { name: 'a', firstChars: '[p' },
  { name: 'b', firstChars: 'p' },
  { name: 'c', firstChars: ' \t[' },
];
const lookup = byFirstChar(RULES, 'test rules');
const names = (c: number): string[] | undefined => lookup(c)?.map((rule) => rule.name);

test('each character gives the rules that name it, in their order', () => {
  expect(names('['.charCodeAt(0))).toEqual(['a', 'c']);
  expect(names('p'.charCodeAt(0))).toEqual(['a', 'b']);
  expect(names('\t'.charCodeAt(0))).toEqual(['c']);
});

test('a character no rule names, one outside ASCII, and the empty text (NaN) give none', () => {
  expect([names('x'.charCodeAt(0)), names(0xe9), names(''.charCodeAt(0))]).toEqual([undefined, undefined, undefined]);
});

test('a first character outside ASCII is refused at load', () => {
  expect(() => byFirstChar([{ firstChars: 'é' }], 'odd rules')).toThrow('odd rules: first characters must be ASCII');
});

test('a text that starts outside ASCII gets the rules marked nonAsciiFirst, in their order; NaN still none', () => {
  const marked = byFirstChar([{ name: 'x', firstChars: 'a' }, { name: 'y', firstChars: 'b', nonAsciiFirst: true as const }], 'marked rules');
  expect(marked('и'.charCodeAt(0))?.map((r) => r.name)).toEqual(['y']);
  expect(marked('a'.charCodeAt(0))?.map((r) => r.name)).toEqual(['x']);
  expect(marked(''.charCodeAt(0))).toBeUndefined();
});
