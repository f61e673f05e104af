import { UsageError } from '../../src/errors.js';
import { checkOptionKeys, checkOptionsObject, optionKeys } from '../../src/util/option-keys.js';

interface Shape {
  colour?: boolean;
  width?: number;
}

describe('optionKeys', () => {
  test('gives back the list as given', () => {
    expect(optionKeys<Shape>()(['colour', 'width'])).toEqual(['colour', 'width']);
  });

  test('a list that leaves a key of the type out, or names one it does not have, fails typecheck', () => {
    // tsc -p tsconfig.json checks these directives: each fails the build once its line typechecks.
    // @ts-expect-error `width` is left out
    const missing = optionKeys<Shape>()(['colour']);
    // @ts-expect-error `color` is no key of Shape
    const stranger = optionKeys<Shape>()(['colour', 'width', 'color']);
    expect([missing, stranger]).toHaveLength(2);
  });
});

describe('checkOptionKeys', () => {
  const known = ['colour', 'width'];

  test('known keys, and none, pass', () => {
    expect(() => checkOptionKeys({ colour: true, width: 80 }, known)).not.toThrow();
    expect(() => checkOptionKeys({}, known)).not.toThrow();
  });

  test.each([
    [{ color: true }, "unknown option 'color' (did you mean 'colour'?)"],
    [{ Width: 80 }, "unknown option 'Width' (did you mean 'width'?)"],
    [{ colour: true, banana: 1 }, "unknown option 'banana' (known: colour, width)"],
    // A key whose value is undefined is a slip all the same.
    [{ colr: undefined }, "unknown option 'colr' (did you mean 'colour'?)"],
  ])('%o is a usage error', (opts, message) => {
    expect(() => checkOptionKeys(opts, known)).toThrow(new UsageError(message));
  });

  test('names a key as the caller spells it', () => {
    expect(() => checkOptionKeys({ pageSize: 4096 }, ['pageSizeBytes', 'vaBits'], (k) => `layout.${k}`)).toThrow(
      new UsageError("unknown option 'layout.pageSize' (did you mean 'layout.pageSizeBytes'?)"),
    );
  });
});

describe('checkOptionsObject', () => {
  test.each([
    [null, 'options must be an object, not null'],
    [[], 'options must be an object, not an array'],
    ['wide', "options must be an object, not the string 'wide'"],
  ])('%p is a usage error', (opts, message) => {
    expect(() => checkOptionsObject(opts, ['width'])).toThrow(new UsageError(message));
  });

  test('checks the keys and names the argument', () => {
    expect(() => checkOptionsObject({ widht: 80 }, ['width'])).toThrow(new UsageError("unknown option 'widht' (did you mean 'width'?)"));
    expect(() => checkOptionsObject(5, ['signal'], 'hooks')).toThrow(new UsageError('hooks must be an object, not the number 5'));
    expect(() => checkOptionsObject({ width: 80 }, ['width'])).not.toThrow();
  });
});
