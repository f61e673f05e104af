import fc from 'fast-check';
import { earliestWallTime, latestWallTime, wallTimeKey } from '../../src/triage/wall-time-order.js';

describe('wallTimeKey', () => {
  test.each([
    // 10:11:12+02:00 is 08:11:12 UTC; -05:30 adds 5 h 30 min; a +0200 offset without a colon is the same as +02:00.
    ['2023-05-02T10:11:12+02:00', '2023-05-02T08:11:12'],
    ['2023-05-02T10:11:12+0200', '2023-05-02T08:11:12'],
    ['2023-05-02T22:00:00-05:30', '2023-05-03T03:30:00'],
    ['2023-05-02T09:00:00Z', '2023-05-02T09:00:00'],
    ['2023-05-02T09:00:00.123456Z', '2023-05-02T09:00:00.123456'],
    // dmesg --time-format iso: a comma before the microseconds, kept to the last digit.
    ['2023-05-02T10:11:12,123456+02:00', '2023-05-02T08:11:12.123456'],
    // No offset: the log does not say its zone, taken as UTC.
    ['2023-05-02T10:11:12', '2023-05-02T10:11:12'],
    // Year-omitted syslog stamps are kept as they are.
    ['--05-02T10:11:12', '--05-02T10:11:12'],
  ])('%s → %s', (stamp, key) => {
    expect(wallTimeKey(stamp)).toBe(key);
  });
});

describe('earliestWallTime / latestWallTime', () => {
  test('stamps in different zones compare by instant, not as strings', () => {
    const a = '2023-05-02T10:11:12+02:00'; // 08:11:12Z
    const b = '2023-05-02T09:00:00Z';
    expect(earliestWallTime(a, b)).toBe(a);
    expect(earliestWallTime(b, a)).toBe(a);
    expect(latestWallTime(a, b)).toBe(b);
    expect(latestWallTime(b, a)).toBe(b);
  });

  test('a missing side gives the other; two missing give none', () => {
    expect(earliestWallTime(undefined, '2023-05-02T09:00:00Z')).toBe('2023-05-02T09:00:00Z');
    expect(latestWallTime('2023-05-02T09:00:00Z', undefined)).toBe('2023-05-02T09:00:00Z');
    expect(earliestWallTime(undefined, undefined)).toBeUndefined();
  });

  test('a year-omitted stamp sorts before every dated one', () => {
    expect(earliestWallTime('2023-01-01T00:00:00Z', '--12-31T23:59:59')).toBe('--12-31T23:59:59');
    expect(latestWallTime('2023-01-01T00:00:00Z', '--12-31T23:59:59')).toBe('2023-01-01T00:00:00Z');
  });

  test('the same instant in two zones picks the same stamp whatever the order', () => {
    const a = '2023-05-02T10:00:00+02:00';
    const b = '2023-05-02T08:00:00Z';
    expect(earliestWallTime(a, b)).toBe(earliestWallTime(b, a));
    expect(latestWallTime(a, b)).toBe(latestWallTime(b, a));
  });

  test('a total order: the earliest of three does not depend on how they are grouped', () => {
    const hour = fc.integer({ min: 0, max: 23 }).map((h) => String(h).padStart(2, '0'));
    const zone = fc.constantFrom('Z', '+02:00', '-05:30', '+0100', '');
    const stamp = fc.tuple(hour, zone).map(([h, z]) => `2023-05-02T${h}:15:00${z}`);
    fc.assert(
      fc.property(stamp, stamp, stamp, (a, b, c) => {
        expect(earliestWallTime(earliestWallTime(a, b), c)).toBe(earliestWallTime(a, earliestWallTime(b, c)));
        expect(latestWallTime(latestWallTime(a, b), c)).toBe(latestWallTime(a, latestWallTime(b, c)));
        expect(earliestWallTime(a, b)).toBe(earliestWallTime(b, a));
      }),
    );
  });
});
