import { normalizeFunction } from '../../src/analyze/normalize-function.js';

test.each([
  ['vmemmap_populate', 'vmemmap_populate'],
  ['mvpp2_bm_bufs_free.isra.0', 'mvpp2_bm_bufs_free'],
  ['foo.constprop.12', 'foo'],
  ['_regulator_put.part.8', '_regulator_put'],
  ['bar.cold', 'bar'],
  ['baz.isra.0.cold.3', 'baz'],
  ['__arm64_sys_socket', 'sys_socket'],
  ['__x64_sys_socket', 'sys_socket'],
  ['__se_sys_recvmmsg', 'sys_recvmmsg'],
  ['__do_sys_wait4', 'sys_wait4'],
  ['__arm64_compat_sys_ioctl', 'compat_sys_ioctl'],
  ['__sys_socket', '__sys_socket'],
])('%s → %s', (input, expected) => {
  expect(normalizeFunction(input)).toBe(expected);
});
