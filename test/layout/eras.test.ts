import { eraForRelease, parseRelease, releaseAtLeast } from '../../src/layout/eras.js';

describe('parseRelease', () => {
  test.each([
    ['6.1.0-rc1', { major: 6, minor: 1 }],
    ['4.4.38-tegra', { major: 4, minor: 4 }],
    ['v5.15.0-1019-nvidia', { major: 5, minor: 15 }],
    ['6.10.0-rc3-next-20240611', { major: 6, minor: 10 }],
  ])('%s', (release, expected) => {
    expect(parseRelease(release)).toEqual(expected);
  });

  test('rejects text without a version', () => {
    expect(parseRelease('unknown')).toBeUndefined();
  });
});

describe('eraForRelease', () => {
  test.each([
    ['3.18.0', 'E0'],
    ['4.4.38-tegra', 'E0'],
    ['4.5.0', 'E0b'],
    // Found by a review: 3e1907d5bf5a (E1) came with 4.7 (posted after 4.6-rc1); 4.6 has E0b's window.
    ['4.6.0', 'E0b'],
    ['4.7.0', 'E1'],
    ['4.14.156', 'E1'],
    ['5.3.18', 'E1'],
    ['5.4.0', 'E2'],
    ['5.10.110', 'E2'],
    ['5.11.0', 'E3'],
    ['6.1.0', 'E3'],
    ['6.8.12', 'E3'],
    ['6.9.0', 'E4'],
    ['6.13.0', 'E4'],
  ])('%s → %s', (release, era) => {
    expect(eraForRelease(release)).toBe(era);
  });

  test('undefined for an unparsable release', () => {
    expect(eraForRelease('x')).toBeUndefined();
  });
});

test('releaseAtLeast: true or false for a release, undefined without one or for no version', () => {
  expect(releaseAtLeast('4.6.0', { major: 4, minor: 6 })).toBe(true);
  expect(releaseAtLeast('4.5.7', { major: 4, minor: 6 })).toBe(false);
  expect(releaseAtLeast('10.0', { major: 4, minor: 6 })).toBe(true);
  expect(releaseAtLeast(undefined, { major: 4, minor: 6 })).toBeUndefined();
  expect(releaseAtLeast('foo', { major: 4, minor: 6 })).toBeUndefined();
});
