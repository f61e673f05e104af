import fc from 'fast-check';
import { datedWallTime, epochMsIso, epochWallTime, yearlessWallTime } from '../../src/parse/prefix-wall-time.js';

test('year-less stamp pads a space-padded day', () => {
  expect(yearlessWallTime('May', ' 2', '10:11:12')).toBe('--05-02T10:11:12');
  expect(yearlessWallTime('Dec', '31', '23:59:59.999999')).toBe('--12-31T23:59:59.999999');
});

test('dated stamp', () => {
  expect(datedWallTime('2023', 'Jan', '2', '00:00:01')).toBe('2023-01-02T00:00:01');
});

describe('epochMsIso', () => {
  test('is toISOString of any time a Date holds, one call after another (its stamp to the second is kept)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -8.64e15, max: 8.64e15 }), { minLength: 1, maxLength: 20 }), fc.nat(2000), (times, step) => {
        // Runs within one second, and across seconds, as a journal's entries come.
        for (const ms of times.flatMap((t) => [t, Math.min(8.64e15, t + step), t])) {
          expect(epochMsIso(ms)).toBe(new Date(ms).toISOString());
        }
      }),
    );
  });

  test.each([
    ['before the epoch', -1, '1969-12-31T23:59:59.999Z'],
    ['an extended year', 8.64e15, '+275760-09-13T00:00:00.000Z'],
    ['zero ms', 1673344800000, '2023-01-10T10:00:00.000Z'],
  ])('%s', (_name, ms, iso) => {
    expect(epochMsIso(ms)).toBe(iso);
  });

  test.each([1.5, -1.5, 1673344800285.9, -0.5])('Found by a review: %d ms, a fraction dropped as a Date drops it', (ms) => {
    expect(epochMsIso(ms)).toBe(new Date(ms).toISOString());
  });

  test('is undefined where no Date holds the time (toISOString throws)', () => {
    expect(epochMsIso(8.64e15 + 1)).toBeUndefined();
    expect(epochMsIso(-8.64e15 - 1)).toBeUndefined();
    expect(epochMsIso(1e20)).toBeUndefined();
    expect(epochMsIso(Number.NaN)).toBeUndefined();
  });
});

describe('epochWallTime', () => {
  test('keeps the printed fraction', () => {
    expect(epochWallTime('1673352014', '200024')).toBe('2023-01-10T12:00:14.200024Z');
    expect(epochWallTime('1673352014')).toBe('2023-01-10T12:00:14Z');
  });

  // Found by a review hunting exceptions: a logcat line's epoch of 13 digits had stopped the read (toISOString).
  test('Found by a review: seconds no Date holds give no stamp', () => {
    expect(epochWallTime('8640000000000', '000')).toBe('+275760-09-13T00:00:00.000Z');
    expect(epochWallTime('8640000000001', '000')).toBeUndefined();
    expect(epochWallTime('9999999999999')).toBeUndefined();
  });
});
