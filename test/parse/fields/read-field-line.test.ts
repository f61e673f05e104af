import type { Splat } from '../../../src/parse/types.js';
import { readFieldLine } from '../../../src/parse/fields/read-field-line.js';

const empty = (): Splat => ({ kind: 'oops', title: '', header: '', site: {}, regs: new Map(), frames: [], firstLine: 1,
  lastLine: 1, bootIndex: 0, lines: [] });

function read(lines: readonly string[], registers = true): { s: Splat; garbled: Set<string> } {
  const s = empty();
  const garbled = new Set<string>();
  for (const text of lines) readFieldLine(s, text, { registers, garbled });
  return { s, garbled };
}

describe('readFieldLine', () => {
  test('`PC is at` and `pc : [<addr>]` describe one PC', () => {
    const { s } = read(['PC is at io_serial_out+0x40/0x48', 'pc : [<8078e15c>]    lr : [<8078e144>]    psr: 20000093']);
    expect(s.pc).toEqual({ func: 'io_serial_out', off: 0x40n, size: 0x48n, addr: 0x8078_e15cn });
    expect(s.lr).toEqual({ addr: 0x8078_e144n });
    expect(s.pstate).toBe('20000093');
  });

  test('the first CPU line, PC and register value win over an escalation dump', () => {
    const { s } = read([
      'CPU: 1 PID: 5931 Comm: a Not tainted 6.3.0 #0',
      'pc : f+0x4/0x8',
      'x1 : 0000000000000001 x0 : 0000000000000000',
      'CPU: 0 PID: 1 Comm: b Tainted: G      D 6.3.0 #0',
      'pc : g+0x4/0x8',
      'x1 : 00000000000000ff x0 : 00000000000000ff',
    ]);
    expect(s).toMatchObject({ cpu: 1, pid: 5931, comm: 'a', pc: { func: 'f' } });
    expect(s.regs.get('x1')).toBe(1n);
  });

  test('the 6.10+ named taint line adds to the CPU line flags', () => {
    const { s } = read(['CPU: 0 UID: 0 PID: 10040 Comm: k Tainted: G             L      syzkaller #0 PREEMPT ',
      'Tainted: [L]=SOFTLOCKUP, [W]=WARN']);
    expect(s.taint?.flags).toEqual(['SOFTLOCKUP', 'WARN']);
  });

  test('arm32 `sp : ... ip : ... fp :` sets sp through the register line', () => {
    expect(read(['sp : 9a917f68  ip : 9a8e8040  fp : 00000005']).s.sp).toBe(0x9a91_7f68n);
  });

  test('registers are not read once closed, garbled ones are collected', () => {
    expect(read(['x1 : 0000000000000001 x0 : 0000000000000000'], false).s.regs.size).toBe(0);
    expect([...read(['x1 : 00000000000000zz x0 : 0000000000000000']).garbled]).toEqual(['x1']);
  });
});

// Found by a review: a hung task report took the CPU of khungtaskd's `hung_task: blocked tasks` panic dump.
test("a hung task's report takes no CPU from a CPU line: kernel/hung_task.c prints none for the blocked task", () => {
  const cpuLine = 'CPU: 0 PID: 40 Comm: khungtaskd Not tainted 6.6.0 #1';
  const hung: Splat = { ...empty(), kind: 'hung-task', pid: 123, comm: 'kworker/u16:2' };
  readFieldLine(hung, cpuLine, { registers: true, garbled: new Set() });
  expect(hung).toMatchObject({ pid: 123, comm: 'kworker/u16:2', release: '6.6.0' });
  expect(hung.cpu).toBeUndefined();
  const oops = empty();
  readFieldLine(oops, cpuLine, { registers: true, garbled: new Set() });
  expect(oops.cpu).toBe(0);
});
