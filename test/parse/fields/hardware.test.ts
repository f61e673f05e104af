import { parseHardwareLine } from '../../../src/parse/fields/hardware.js';

test('parseHardwareLine', () => {
  expect(parseHardwareLine('Hardware name: linux,dummy-virt (DT)')).toBe('linux,dummy-virt (DT)');
  expect(parseHardwareLine('Workqueue: netns cleanup_net')).toBeUndefined();
});
