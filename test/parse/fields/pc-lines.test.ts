import { parsePcLine } from '../../../src/parse/fields/pc-lines.js';

describe('parsePcLine', () => {
  test('arm64 pc/lr/sp/pstate lines', () => {
    expect(parsePcLine('pc : vmemmap_populate+0x44/0x194')).toEqual({
      pc: { func: 'vmemmap_populate', off: 0x44n, size: 0x194n },
    });
    expect(parsePcLine('lr : kfree+0xf8/0x19c')).toEqual({ lr: { func: 'kfree', off: 0xf8n, size: 0x19cn } });
    expect(parsePcLine('sp : ffff80001e5a74e0')).toEqual({ sp: 0xffff_8000_1e5a_74e0n });
    expect(parsePcLine('pstate: 80400005 (Nzcv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)')).toEqual({
      pstate: '80400005 (Nzcv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
    });
  });

  test('an inlined pc line names no location', () => {
    expect(parsePcLine('pc : _compound_head include/linux/page-flags.h:253 [inline]')).toBeUndefined();
  });

  test('4.x `pc : [<addr>] lr : [<addr>] pstate:` and arm32 `psr:`', () => {
    expect(parsePcLine('pc : [<ffffffc000d394c4>] lr : [<ffffffc000d394c5>] pstate: 200001c5')).toEqual({
      pc: { addr: 0xffff_ffc0_00d3_94c4n },
      lr: { addr: 0xffff_ffc0_00d3_94c5n },
      pstate: '200001c5',
    });
    expect(parsePcLine('pc : [<8015df40>]    lr : [<801559ec>]    psr: 60000093')?.pstate).toBe('60000093');
  });

  test('`PC is at`, riscv `epc :` and x86 `RIP:`', () => {
    expect(parsePcLine('PC is at migrate_task_rq_fair+0x58/0xa8')?.pc?.func).toBe('migrate_task_rq_fair');
    expect(parsePcLine('PC is at 0x80b0f484')).toEqual({ pc: { addr: 0x80b0_f484n } });
    expect(parsePcLine('LR is at do_futex+0x158/0xf14')?.lr?.func).toBe('do_futex');
    expect(parsePcLine('epc : schedule_tail+0x72/0xb2')?.pc?.func).toBe('schedule_tail');
    expect(parsePcLine('RIP: 0010:__ieee80211_beacon_get+0x125d/0x1630')?.pc?.off).toBe(0x125dn);
    // The user-space RIP of a syscall's saved regs (64-bit 0033, 32-bit 0023) is not the kernel's PC.
    expect(parsePcLine('RIP: 0033:0x7f3c55d8f749')).toBeUndefined();
    expect(parsePcLine('RIP: 0023:0xf7fc2549')).toBeUndefined();
  });

  // arch/x86/kernel/process_64.c __show_regs of 4.4-4.8: `printk(KERN_DEFAULT "RIP: %04lx:[<%016lx>] ", cs, ip)`, then
  // printk_address() (arch/x86/kernel/dumpstack.c): `pr_cont(" [<%p>] %pS\n", ...)`. 4.9+ print `RIP: 0010:%pS`.
  test('Found by a review: the 4.4-4.8 x86_64 `RIP: 0010:[<addr>]  [<addr>] func+off/size` line names the PC', () => {
    expect(parsePcLine('RIP: 0010:[<ffffffffa0123456>]  [<ffffffffa0123456>] foo_bar+0x16/0x40 [foo]')).toEqual({
      pc: { func: 'foo_bar', off: 0x16n, size: 0x40n, module: 'foo', addr: 0xffff_ffff_a012_3456n },
    });
    // With no symbol for the address (printk_address's %pS prints it again), the address alone.
    expect(parsePcLine('RIP: 0010:[<ffffffffa0123456>]  [<ffffffffa0123456>] 0xffffffffa0123456')).toEqual({
      pc: { addr: 0xffff_ffff_a012_3456n },
    });
    expect(parsePcLine('RIP: 0033:[<00007f3c55d8f749>]  [<00007f3c55d8f749>] 0x7f3c55d8f749')).toBeUndefined();
  });

  test('each rule is tried on the lines that start as it does, white space included', () => {
    const lr = { lr: { func: 'f', off: 1n, size: 2n } };
    expect(parsePcLine('lr : f+0x1/0x2')).toEqual(lr);
    expect(parsePcLine('ra : f+0x1/0x2')).toEqual(lr);
    expect(parsePcLine('  lr : f+0x1/0x2')).toEqual(lr);
    expect(parsePcLine('\tra : f+0x1/0x2')).toEqual(lr);
    expect(parsePcLine('\u00a0lr : f+0x1/0x2')).toEqual(lr);
    expect(parsePcLine('\u3000 ra : f+0x1/0x2')).toEqual(lr);
    expect(parsePcLine('\u00e9lr : f+0x1/0x2')).toBeUndefined();
    expect(parsePcLine('pstate: 60400009')).toEqual({ pstate: '60400009' });
    expect(parsePcLine('sp : 0000ffff0000ffff')).toEqual({ sp: 0xffff_0000_ffffn });
    expect(parsePcLine('x29: ffff80000830ab60 x28: 0000000000000000')).toBeUndefined();
    expect(parsePcLine('')).toBeUndefined();
  });
});

// Mailed logs: decoded by decode_stacktrace.sh (LKFT), or cut to names by whoever pasted them.
test('a pc or lr line decoded to `func (file:line)`, or cut to the name', () => {
  expect(parsePcLine('pc : foo_probe (drivers/misc/foo.c:42)')).toEqual({ pc: { func: 'foo_probe', file: 'drivers/misc/foo.c', line: 42 } });
  expect(parsePcLine('lr : foo_probe (drivers/misc/foo.c:40 (discriminator 2))')).toEqual({ lr: { func: 'foo_probe', file: 'drivers/misc/foo.c', line: 40 } });
  expect(parsePcLine('pc : __lock_acquire')).toEqual({ pc: { func: '__lock_acquire' } });
  expect(parsePcLine('pc : 0x0')).toEqual({ pc: { addr: 0n } });
  expect(parsePcLine('pc : two words')).toBeUndefined();
});
