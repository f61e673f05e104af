import fc from 'fast-check';
import { joinWrapped, mayContinue, WRAP_JOINS } from '../../src/parse/wrap-joins.js';

describe('mayContinue', () => {
  test.each([
    'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197',
    'WARNING: at kernel/watchdog.c:352',
    'pc :',
    'lr : ',
    'x29: ffff8000118eb810 x28:',
    'x29: ffff8000118eb810 x28: ffff0001',
    'sp :',
  ])('incomplete: %s', (text) => {
    expect(mayContinue(text)).toBe(true);
  });

  // Lines from boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg.txt, prefixes stripped.
  test.each([
    'WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
    'pc : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
    'sp : ffff8000118eb810',
    'x29: ffff8000118eb810 x28: ffff000133646e80 ',
    'x5 : 00ffffffffffffff x4 : 0000000000000000 ',
    'xhci-hcd xhci-hcd.0.auto: xHCI Host Controller',
    '',
  ])('complete: %s', (text) => {
    expect(mayContinue(text)).toBe(false);
  });
});

describe('mayContinue of register rows', () => {
  const row = 'x29: ffff8000118eb810 x28: ffff000133646e80 x27: 0000000000000000';
  const registerJoin = WRAP_JOINS.find((j) => j.firstChars.includes('x'))!;

  test('is the head regex of their row, on rows cut anywhere and padded', () => {
    fc.assert(
      fc.property(fc.nat({ max: row.length }), fc.constantFrom('', ' ', '  ', '\t'), (cut, pad) => {
        const text = row.slice(0, cut) + pad;
        if (!text.startsWith('x')) return;
        expect(mayContinue(text)).toBe(registerJoin.head.test(text));
      }),
    );
  });
});

// Found by an audit of capture transports: a mail client wrapping at 72-78 columns merged the clearfog log's two
// mvpp2 WARNINGs into one cluster titled `WARNING: CPU: 2 PID: 35 at`, and lost the e4 sample's Oops address.
describe('joinWrapped, mail-client word wraps', () => {
  const joinAll = (...parts: string[]): string | undefined =>
    parts.slice(1).reduce<string | undefined>((head, next) => (head === undefined ? undefined : joinWrapped(head, next)), parts[0]);

  test('a WARNING header broken after `at`, then after its site', () => {
    expect(mayContinue('WARNING: CPU: 2 PID: 35 at')).toBe(true);
    const site = joinWrapped('WARNING: CPU: 2 PID: 35 at', 'drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449');
    expect(site).toBe('WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449');
    expect(mayContinue(site!)).toBe(true);
    expect(joinAll('WARNING: CPU: 2 PID: 35 at', 'drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449', 'mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]'))
      .toBe('WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]');
    expect(joinWrapped('WARNING: CPU: 2 PID: 35 at', 'Modules linked in: mvpp2')).toBeUndefined();
  });

  test('a 2025+ WARNING header broken before its function or its CPU', () => {
    expect(joinWrapped('WARNING: fs/dcache.c:829 at', 'fast_dput+0x334/0x430, CPU#1: syz-executor/5830'))
      .toBe('WARNING: fs/dcache.c:829 at fast_dput+0x334/0x430, CPU#1: syz-executor/5830');
    expect(joinWrapped('WARNING: fs/dcache.c:829 at fast_dput+0x334/0x430,', 'CPU#1: syz-executor/5830'))
      .toBe('WARNING: fs/dcache.c:829 at fast_dput+0x334/0x430, CPU#1: syz-executor/5830');
    expect(joinWrapped('WARNING: fs/dcache.c:829 at', 'CPU#1: syz-executor/5830')).toBeUndefined();
  });

  test.each([
    ['Unable to handle kernel paging request at virtual address', '000001ffba000000'],
    ['Unable to handle kernel NULL pointer dereference at virtual', 'address 0000000000000000'],
    ['Unable to handle kernel paging request at', 'virtual address ffff800012345678'],
  ])('a kernel fault broken before its address: %s', (head, tail) => {
    expect(joinWrapped(head, tail)).toBe(`${head} ${tail}`);
  });

  test('a fault line and a line of another shape stay two', () => {
    expect(joinWrapped('Unable to handle kernel paging request at virtual address', 'Mem abort info:')).toBeUndefined();
    expect(joinWrapped('Unable to handle kernel paging request at', '0000000000000000')).toBeUndefined();
  });
});

describe('joinWrapped', () => {
  test('register value split 8 + 8 hex digits', () => {
    expect(joinWrapped('x29: ffff8000118eb810 x28: ffff0001', '33646e80 x27: ffff000133647000 '))
      .toBe('x29: ffff8000118eb810 x28: ffff000133646e80 x27: ffff000133647000');
  });
  test('register value that would not be 16 hex digits', () => {
    expect(joinWrapped('x28: ffff0001', '33646e8')).toBeUndefined();
  });
  test('tail of another shape', () => {
    expect(joinWrapped('WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197', 'Modules linked in:')).toBeUndefined();
  });
  test('head that is complete', () => {
    expect(joinWrapped('pc : vmemmap_populate+0x44/0x194', 'vmemmap_populate+0x44/0x194')).toBeUndefined();
  });
});
