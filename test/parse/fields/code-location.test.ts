import { parseAddress, parseCodeLocation } from '../../../src/parse/fields/code-location.js';

describe('parseCodeLocation', () => {
  test('function, offset, size and module', () => {
    expect(parseCodeLocation('mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]')).toEqual({
      loc: { func: 'mvpp2_bm_bufs_free', off: 0x1a4n, size: 0x1c0n, module: 'mvpp2' },
      rest: '',
    });
  });

  // A CONFIG_STACKTRACE_BUILD_ID kernel (openSUSE, 6.x) in an EFI pstore panic mailed to linux-wireless.
  test('a module with its build ID', () => {
    expect(parseCodeLocation('__mhi_pm_resume+0x284/0x410 [mhi 75aba2ea7e1783672c961bedf4c141b8800b9c9e]')).toEqual({
      loc: { func: '__mhi_pm_resume', off: 0x284n, size: 0x410n, module: 'mhi' },
      rest: '',
    });
    // Anything else after the module's name is not a build ID.
    expect(parseCodeLocation('foo+0x1/0x2 [mhi 75aba2ea]')?.loc.module).toBeUndefined();
  });

  test('symbolized source after the location', () => {
    expect(parseCodeLocation('__do_kernel_fault+0x158/0x1c0 arch/arm64/mm/fault.c:374')?.loc).toEqual({
      func: '__do_kernel_fault',
      off: 0x158n,
      size: 0x1c0n,
      file: 'arch/arm64/mm/fault.c',
      line: 374,
    });
  });

  test('compiler clone suffixes stay in the name; 4.1 `()` is dropped', () => {
    expect(parseCodeLocation('_snd_timer_stop.constprop.9+0x184/0x2b0')?.loc.func).toBe('_snd_timer_stop.constprop.9');
    expect(parseCodeLocation('__might_sleep+0x77/0x80()')).toMatchObject({ loc: { func: '__might_sleep' }, rest: '' });
  });

  test('leaves what follows and rejects non-locations', () => {
    expect(parseCodeLocation('el0t_64_sync+0x190/0x194 (P)')?.rest).toBe(' (P)');
    expect(parseCodeLocation('0xffffffffdeadbeef')).toBeUndefined();
  });
});

describe('parseAddress', () => {
  test.each([
    ['0xffff800008123456', 0xffff_8000_0812_3456n],
    ['80b0f484', 0x80b0_f484n],
    ['zz', undefined],
  ])('%s', (text, addr) => expect(parseAddress(text)).toBe(addr));
});
