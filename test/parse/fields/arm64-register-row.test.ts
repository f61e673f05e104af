import fc from 'fast-check';
import { isArm64RegisterRow, readArm64RegisterRow, storeArm64RegisterRow } from '../../../src/parse/fields/arm64-register-row.js';
import { readRegisterPairs } from '../../../src/parse/fields/registers.js';
import { fuzzParams } from '../../fuzz/_fuzz-params.js';

const hexDigits = (unit: string, length: number) => fc.string({ unit: fc.constantFrom(...unit), minLength: length, maxLength: length });
const arm64Value = hexDigits('0123456789abcdef', 16);

/** Rows as arm64 `__show_regs` prints them: names padded to three characters, one space between pairs. */
const canonicalRow = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 30 }), arm64Value), { minLength: 1, maxLength: 4 })
  .map((pairs) => pairs.map(([n, v]) => `${`x${n}`.padEnd(3)}: ${v}`).join(' '));

/** Rows with the deviations consoles and other architectures produce, each one as likely as the plain form. */
const anyRow = fc
  .array(
    fc.tuple(
      fc.constantFrom('x0', 'x9', 'x29', 'x30', 'x05', 'x123', 'r9', 'sp', 'a7', 'X1', 'x'),
      fc.constantFrom(': ', ' : ', ':  ', ':', '\t: ', ' :\t', ' '),
      fc.oneof(arm64Value, hexDigits('0123456789abcdef', 8), hexDigits('0123456789abcdef', 15),
        hexDigits('0123456789abcdef', 17), hexDigits('0123456789ABCDEF', 16), hexDigits('0123456789abcdefz', 16)),
      fc.constantFrom(' ', '  ', '\t', '', ' |'),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((pairs) =>
    fc.tuple(fc.constantFrom('', ' ', '\t'), fc.constantFrom('', ' ', '  ', 'x')).map(
      ([lead, tail]) => lead + pairs.map(([name, colon, value, gap]) => `${name}${colon}${value}${gap}`).join('') + tail,
    ),
  );

/** A kernel row with one character deleted, inserted or replaced: the shapes a strict reader must not misread. */
const nearRow = fc
  .tuple(canonicalRow, fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(...'x0: \taF|'))
  .map(([row, at, edit, c]) => {
    const i = at % (row.length + 1);
    if (edit === 'insert') return row.slice(0, i) + c + row.slice(i);
    return row.slice(0, i) + (edit === 'replace' ? c : '') + row.slice(i + 1);
  });

describe('readArm64RegisterRow', () => {
  test('reads the three-per-row dump of 6.1+, padded names included', () => {
    expect(readArm64RegisterRow('x11: 000000000000008e x10: ffff80000d260994 x9 : 0000000000000000')).toEqual({
      regs: [
        { name: 'x11', value: 0x8en },
        { name: 'x10', value: 0xffff_8000_0d26_0994n },
        { name: 'x9', value: 0n },
      ],
      garbled: [],
    });
  });

  test.each([
    ['an arm32 row', 'r10: 80117ea8  r9 : 00000000'],
    ['a leading space', ' x29: ffff0000401f7c40'],
    ['a tab', 'x29:\tffff0000401f7c40'],
    ['a name the kernel does not spell', 'x05: ffff0000401f7c40'],
    ['a garbled value', 'x5 : ffff00zz401e8000 x4 : ffffa00011e69e68'],
    ['a value one digit short', 'x29: ffff0000401f7c4'],
    ['text after the last value', 'x29: ffff0000401f7c40 done'],
    ['no register at all', 'x86: Booting SMP configuration:'],
  ])('leaves %s to the general reader', (_what, text) => {
    expect(readArm64RegisterRow(text)).toBeUndefined();
  });

  test('reads every row the kernel prints', () => {
    fc.assert(
      fc.property(canonicalRow, (row) => {
        expect(readArm64RegisterRow(row)).toBeDefined();
      }),
      fuzzParams(2000),
    );
  });

  test('agrees with the general reader wherever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(canonicalRow, nearRow, anyRow), (row) => {
        const fast = readArm64RegisterRow(row);
        if (fast === undefined) return;
        answered += 1;
        expect(fast).toEqual(readRegisterPairs(row));
      }),
      fuzzParams(10_000),
    );
    expect(answered).toBeGreaterThan(0);
  });
});

describe('storeArm64RegisterRow', () => {
  test('stores what readArm64RegisterRow reads, the first value of a name winning', () => {
    const regs = new Map([['x10', 1n]]);
    expect(storeArm64RegisterRow('x11: 000000000000008e x10: ffff80000d260994 x11: 0000000000000001', regs)).toBe(true);
    expect([...regs]).toEqual([['x10', 1n], ['x11', 0x8en]]);
  });

  test('leaves the registers untouched when the row is not one, even after pairs it could read', () => {
    const regs = new Map<string, bigint>();
    expect(storeArm64RegisterRow('x29: ffff0000401f7c40 x28: ffff00zz401e8000', regs)).toBe(false);
    expect(regs.size).toBe(0);
  });

  test('agrees with readArm64RegisterRow on every row', () => {
    fc.assert(
      fc.property(fc.oneof(canonicalRow, nearRow, anyRow), (row) => {
        const regs = new Map<string, bigint>();
        const read = readArm64RegisterRow(row);
        expect(storeArm64RegisterRow(row, regs)).toBe(read !== undefined);
        const expected = new Map<string, bigint>();
        for (const { name, value } of read?.regs ?? []) if (!expected.has(name)) expected.set(name, value);
        expect([...regs]).toEqual([...expected]);
      }),
      fuzzParams(5000),
    );
  });
});

describe('isArm64RegisterRow', () => {
  test('is true of the rows readArm64RegisterRow reads, whatever was asked before', () => {
    fc.assert(
      fc.property(fc.oneof(canonicalRow, nearRow, anyRow), fc.oneof(canonicalRow, nearRow, anyRow), (row, other) => {
        const read = readArm64RegisterRow(row);
        expect(isArm64RegisterRow(other)).toBe(readArm64RegisterRow(other) !== undefined);
        expect(isArm64RegisterRow(row)).toBe(read !== undefined);
        // The store after the question reads the row asked about, not the one before it.
        isArm64RegisterRow(other);
        const regs = new Map<string, bigint>();
        expect(storeArm64RegisterRow(row, regs)).toBe(read !== undefined);
        const expected = new Map<string, bigint>();
        for (const { name, value } of read?.regs ?? []) if (!expected.has(name)) expected.set(name, value);
        expect([...regs]).toEqual([...expected]);
      }),
      fuzzParams(5000),
    );
  });
});
