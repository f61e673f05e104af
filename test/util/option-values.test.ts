import { UsageError } from '../../src/errors.js';
import { checkBoolean, checkChoice, checkFunction, checkString, checkWholeNumber } from '../../src/util/option-values.js';

test('a value left out passes every check', () => {
  for (const check of [() => checkBoolean('b', undefined), () => checkString('s', undefined), () => checkFunction('f', undefined)]) {
    expect(check).not.toThrow();
  }
  expect(() => checkWholeNumber('n', undefined, 1)).not.toThrow();
  expect(() => checkChoice('c', undefined, ['a'])).not.toThrow();
});

test('values of the right kind pass', () => {
  expect(() => checkBoolean('b', false)).not.toThrow();
  expect(() => checkString('s', '')).not.toThrow();
  expect(() => checkFunction('f', () => undefined)).not.toThrow();
  expect(() => checkWholeNumber('n', 0, 0)).not.toThrow();
  expect(() => checkChoice('c', 'b', ['a', 'b'])).not.toThrow();
});

// Found by a review of the library API: runTriage's switches took 'no' (truthy) as on.
test('Found by a review: a value of another kind is a UsageError naming the option and the value', () => {
  expect(() => checkBoolean('timestamps', 'no')).toThrow(new UsageError("timestamps must be a boolean, not the string 'no'"));
  expect(() => checkString('name', 5)).toThrow(new UsageError('name must be a string, not the number 5'));
  expect(() => checkFunction('onBytes', 5)).toThrow(new UsageError('onBytes must be a function, not the number 5'));
  expect(() => checkWholeNumber('jobs', 1.5, 0)).toThrow(new UsageError('jobs must be a whole number of at least 0, not the number 1.5'));
  expect(() => checkChoice('search', 'fast', ['simd', 'regex'])).toThrow(new UsageError("search must be one of simd, regex, not the string 'fast'"));
});
