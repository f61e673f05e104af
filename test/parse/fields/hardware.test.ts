import { parseHardwareLine } from '../../../src/parse/fields/hardware.js';

test('parseHardwareLine', () => {
  expect(parseHardwareLine('Hardware name: linux,dummy-virt (DT)')).toBe('linux,dummy-virt (DT)');
  expect(parseHardwareLine('Workqueue: netns cleanup_net')).toBeUndefined();
});

test('parseHardwareLine in linear time on a long run of blanks (the lazy regex had been quadratic)', () => {
  const blanks = '\t '.repeat(100_000);
  expect(parseHardwareLine(`Hardware name: a${blanks}b${blanks}`)).toBe(`a${blanks}b`);
  expect(parseHardwareLine('Hardware name: ')).toBeUndefined();
});
