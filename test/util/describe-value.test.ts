import { describeValue } from '../../src/util/describe-value.js';

test.each([
  ['/var/log', "the string '/var/log'"],
  ['x'.repeat(41), `the string '${'x'.repeat(40)}…'`],
  [6.1, 'the number 6.1'],
  [true, 'the boolean true'],
  [5n, 'the bigint 5n'],
  [null, 'null'],
  [undefined, 'undefined'],
  [['a'], 'an array'],
  [{ kernel: '6.1' }, 'an object'],
  [() => 1, 'a function'],
])('%p reads as %s', (value, said) => {
  expect(describeValue(value)).toBe(said);
});
