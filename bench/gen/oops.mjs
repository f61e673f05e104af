import { MACHINE, cpuLine, modulesLinkedIn } from './machine.mjs';
import { registerDump, stackPointer, PSTATE_OOPS } from './register-dump.mjs';

const FRAMES = [
  'mvpp2_poll+0x4f8/0x600 [mvpp2]', '__napi_poll+0x40/0x218', 'net_rx_action+0x314/0x378', '__do_softirq+0x120/0x390',
  'run_ksoftirqd+0x44/0x58', 'smpboot_thread_fn+0x1d4/0x228', 'kthread+0xe0/0xe4', 'ret_from_fork+0x10/0x20',
];

/**
 * A 6.1 arm64 data-abort Oops in mvpp2 (ksoftirqd context): the fault address lines, the ESR decode, the page
 * table walk, `Internal error: Oops: <esr> [#n] PREEMPT SMP`, the register dump and the trace. The kernel is not
 * configured to panic on oops, so the log goes on.
 */
export function oops(rng, tainted, oopsCount) {
  const address = `ffff8000${rng.hex(8)}`;
  const cpu = rng.int(0, 3);
  const pid = rng.int(10, 40);
  const [pc, lr] = FRAMES;
  // Level-3 translation fault on a data read at EL1: EC 0x25, FSC 0x07.
  const esr = '0000000096000007';
  return [
    `Unable to handle kernel paging request at virtual address ${address}`,
    'Mem abort info:',
    `  ESR = 0x${esr}`,
    '  EC = 0x25: DABT (current EL), IL = 32 bits',
    '  SET = 0, FnV = 0',
    '  EA = 0, S1PTW = 0',
    '  FSC = 0x07: level 3 translation fault',
    'Data abort info:',
    '  ISV = 0, ISS = 0x00000007',
    '  CM = 0, WnR = 0',
    'swapper pgtable: 4k pages, 48-bit VAs, pgdp=0000000081a2d000',
    `[${address}] pgd=100000087ffff003, p4d=100000087ffff003, pud=100000087fffe003, pmd=1000000${rng.hex(5)}003, pte=0000000000000000`,
    `Internal error: Oops: ${esr} [#${oopsCount}] PREEMPT SMP`,
    modulesLinkedIn('', ''),
    cpuLine(cpu, pid, `ksoftirqd/${cpu}`, tainted),
    `Hardware name: ${MACHINE.hardware}`,
    ...registerDump(rng, { pstate: PSTATE_OOPS, pc, lr, sp: stackPointer(rng), fixed: new Map() }),
    'Call trace:',
    ...FRAMES.map((f) => ` ${f}`),
    `Code: f9400262 b4000082 f9401043 91002063 (f94${rng.hex(5)}) `,
    '---[ end trace 0000000000000000 ]---',
  ];
}
