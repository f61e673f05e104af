import { MACHINE, cpuLine, modulesLinkedIn } from './machine.mjs';
import { registerDump, stackPointer, PSTATE_WARN } from './register-dump.mjs';

const SOFTIRQ_TAIL = [
  'call_timer_fn+0x3c/0x1d0', '__run_timers+0x2d4/0x370', 'run_timer_softirq+0x28/0x50', '__do_softirq+0x120/0x390',
  '____do_softirq+0x18/0x24', 'call_on_irq_stack+0x2c/0x38', 'do_softirq_own_stack+0x24/0x3c',
  '__irq_exit_rcu+0x11c/0x160', 'irq_exit_rcu+0x18/0x24', 'el1_interrupt+0x38/0x70', 'el1h_64_irq_handler+0x18/0x24',
  'el1h_64_irq+0x64/0x68', 'arch_cpu_idle+0x18/0x2c', 'default_idle_call+0x4c/0x1a0', 'do_idle+0x244/0x2b0',
  'cpu_startup_entry+0x30/0x34', 'secondary_start_kernel+0x130/0x150', '__secondary_switched+0xb0/0xb4',
];

const NAPI_TAIL = [
  '__napi_poll+0x40/0x218', 'net_rx_action+0x314/0x378', '__do_softirq+0x120/0x390', '____do_softirq+0x18/0x24',
  'call_on_irq_stack+0x2c/0x38', 'do_softirq_own_stack+0x24/0x3c', '__irq_exit_rcu+0x11c/0x160',
  'irq_exit_rcu+0x18/0x24', 'el1_interrupt+0x38/0x70', 'el1h_64_irq_handler+0x18/0x24', 'el1h_64_irq+0x64/0x68',
  'arch_cpu_idle+0x18/0x2c', 'default_idle_call+0x4c/0x1a0', 'do_idle+0x244/0x2b0', 'cpu_startup_entry+0x30/0x34',
];

/** Non-vmemmap WARNINGs of the same machine: the 6.1 netdev watchdog naming mvpp2, and mvpp2's own WARN_ONs. */
const KINDS = [
  {
    before: (r) => [`NETDEV WATCHDOG: eth${r.int(0, 2)} (mvpp2): transmit queue ${r.int(0, 7)} timed out`],
    site: 'net/sched/sch_generic.c:525',
    inIdle: true,
    // The WARN is dev_watchdog's last call, so lr still points into dev_watchdog.
    lr: 'dev_watchdog+0x234/0x240',
    frames: ['dev_watchdog+0x234/0x240', ...SOFTIRQ_TAIL],
  },
  {
    before: () => [],
    site: 'drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:3120',
    inIdle: true,
    frames: [
      'mvpp2_rx_refill+0x1a8/0x1c0 [mvpp2]', 'mvpp2_rx+0x5cc/0x9a8 [mvpp2]', 'mvpp2_poll+0x1b8/0x600 [mvpp2]',
      ...NAPI_TAIL,
    ],
  },
  {
    before: () => [],
    site: 'drivers/net/phy/phylink.c:1460',
    inIdle: false,
    frames: [
      'phylink_resolve+0x3a4/0x4d8 [phylink]', 'process_one_work+0x1f4/0x460', 'worker_thread+0x188/0x4e0',
      'kthread+0xe0/0xe4', 'ret_from_fork+0x10/0x20',
    ],
  },
];

/** One complete non-vmemmap WARNING splat (messages, no prefix). */
export function driverWarning(rng, tainted) {
  const kind = rng.pick(KINDS);
  const cpu = rng.int(0, 3);
  const pid = kind.inIdle ? 0 : rng.int(100, 30000);
  const comm = kind.inIdle ? `swapper/${cpu}` : `kworker/${cpu}:${rng.int(0, 3)}`;
  const pc = kind.frames[0];
  const lr = kind.lr ?? kind.frames[1];
  return [
    '------------[ cut here ]------------',
    ...kind.before(rng),
    `WARNING: CPU: ${cpu} PID: ${pid} at ${kind.site} ${pc}`,
    modulesLinkedIn('', ''),
    cpuLine(cpu, pid, comm, tainted),
    `Hardware name: ${MACHINE.hardware}`,
    ...registerDump(rng, { pstate: PSTATE_WARN, pc, lr, sp: stackPointer(rng), fixed: new Map() }),
    'Call trace:',
    ...kind.frames.map((f) => ` ${f}`),
    '---[ end trace 0000000000000000 ]---',
  ];
}
