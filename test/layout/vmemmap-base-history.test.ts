import { vmemmapIgnoresPhysOffset } from '../../src/layout/vmemmap-base-history.js';

// 5383cc6efed1 (5.4) made vmemmap a variable set apart from memstart_addr; 7bc1a0f9e176 (5.10, 5.4.94) undid it.
test.each<[string | undefined, boolean]>([
  ['5.3.18', false],
  ['5.4', true],
  // Found by a second audit: Ubuntu's 5.4.0-150-generic is stable 5.4.233, which has the fix; the sublevel is hidden.
  ['5.4.0-1019-raspi', false],
  ['5.4.0-150-generic', false],
  ['5.4.0', true],
  ['5.8.0-63-generic', true],
  ['5.4.93', true],
  ['5.4.94', false],
  ['5.4.290', false],
  ['v5.9.16', true],
  ['5.10.0', false],
  ['6.1.0', false],
  ['not a release', false],
  [undefined, false],
])('vmemmapIgnoresPhysOffset(%s) is %s', (release, apart) => {
  expect(vmemmapIgnoresPhysOffset(release)).toBe(apart);
});
