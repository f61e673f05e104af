import { UsageError } from '../../src/errors.js';
import { checkArgument, checkArrayOf, hasArray, inFunction, isObject } from '../../src/util/check-argument.js';

test.each([
  [5, 'the number 5'],
  [undefined, 'undefined'],
  [[1], 'an array'],
  [{}, 'an empty object'],
  [{ a: 1, b: 2 }, 'an object with keys a, b'],
  [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, 'an object with keys a, b, c, d, e, …'],
])('checkArgument names the export, the argument, what it must be and what it got (%p)', (value, got) => {
  expect(() => checkArgument(false, 'renderText', 'report', 'a report from buildReport', value)).toThrow(
    new UsageError(`renderText: report must be a report from buildReport, not ${got}`),
  );
  expect(() => checkArgument(true, 'renderText', 'report', 'a report', value)).not.toThrow();
});

test('isObject and hasArray: an object, not null nor an array, and one whose key holds an array', () => {
  expect([{}, [], null, 'x'].map(isObject)).toEqual([true, false, false, false]);
  expect([{ inputs: [] }, { inputs: {} }, [], undefined].map((v) => hasArray(v, 'inputs'))).toEqual([true, false, false, false]);
});

test("inFunction puts the export's name before a UsageError's message and passes any other error on", () => {
  expect(() => inFunction('Segmenter', () => { throw new UsageError("unknown option 'x'"); })).toThrow(new UsageError("Segmenter: unknown option 'x'"));
  const other = new RangeError('r');
  expect(() => inFunction('Segmenter', () => { throw other; })).toThrow(other);
  expect(() => inFunction('Segmenter', () => undefined)).not.toThrow();
  // A check that named the export itself (checkArgument) is not named twice.
  expect(() => inFunction('runTriage', () => checkArgument(false, 'runTriage', 'hooks.signal', 'an AbortSignal', 'x'))).toThrow(
    new UsageError("runTriage: hooks.signal must be an AbortSignal, not the string 'x'"),
  );
});

test('checkArrayOf names the array that is none, or its first element of another kind', () => {
  const isText = (v: unknown): boolean => typeof v === 'string';
  expect(() => checkArrayOf(isText, 'f', 'names', ['a', 'b'], 'an array of names', 'a name')).not.toThrow();
  expect(() => checkArrayOf(isText, 'f', 'names', 'a', 'an array of names', 'a name')).toThrow(new UsageError("f: names must be an array of names, not the string 'a'"));
  expect(() => checkArrayOf(isText, 'f', 'names', ['a', 5, 6], 'an array of names', 'a name')).toThrow(new UsageError('f: names[1] must be a name, not the number 5'));
});
