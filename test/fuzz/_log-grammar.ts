/**
 * fast-check arbitraries for realistic arm64 kernel logs: ordinary boot chatter and splats in the shapes of
 * samples/logs and the corpus (a `cut here` WARNING with a register dump, a paging-request Oops ending in `Code:`,
 * a soft lockup, a hung task).
 */
import fc from 'fast-check';

export type LogBlock = { kind: 'noise'; lines: string[] } | { kind: 'splat'; lines: string[] };

const FUNCS = [
  'vmemmap_populate', 'vmemmap_free', 'dev_watchdog', 'rfkill_fop_read', 'ext4_xattr_inode_update_ref',
  'ovl_stack_put', 'fput', '__init_zone_device_page', 'nfc_llcp_unregister_device',
];
const FRAMES = [
  '__populate_section_memmap+0x40/0x90', 'sparse_add_section+0xfc/0x3e8', '__add_pages+0xb4/0x168',
  'pagemap_range+0x300/0x410', 'memremap_pages+0x184/0x2d8', 'devm_memremap_pages+0x30/0x90',
  'kgd2kfd_init_zone_device+0xe0/0x1f0 [amdgpu]', 'local_pci_probe+0x48/0xb8', 'really_probe+0x184/0x3d0',
  'do_one_initcall+0x60/0x2c0', 'invoke_syscall+0x50/0x128', 'el0_svc+0x34/0xd8', 'el0t_64_sync+0x190/0x198',
];
const COMMS = ['modprobe', 'kworker/u16:3', 'systemd-udevd', 'insmod', 'test_hmm'];
const NOISE = [
  '[drm] amdgpu kernel modesetting enabled.',
  'amdgpu 0000:01:00.0: enabling device (0000 -> 0003)',
  'usb 1-1: new high-speed USB device number 2 using xhci-hcd',
  'EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Quota mode: none.',
  'psci: PSCIv1.1 detected in firmware.',
  'random: crng init done',
  'systemd[1]: Started Journal Service.',
  'NET: Registered PF_INET6 protocol family',
];

/** The boot header that opens log A: release and page-table geometry, so layout inference has something to read. */
export const BOOT_HEADER = [
  'Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]',
  'Linux version 6.1.0 (builder@buildhost) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39) #1 SMP PREEMPT Tue Jan 10 12:00:00 UTC 2023',
  'Machine model: SolidRun LX2160A Honeycomb',
];

const hex64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((v) => v.toString(16).padStart(16, '0'));

/** `x29: ... x28: ... x27: ...` rows down to x0, three registers a row as arm64 __show_regs prints them. */
function registerRows(values: string[]): string[] {
  const rows: string[] = [];
  for (let reg = 29; reg >= 0; reg -= 3) {
    const cells = [];
    for (let r = reg; r > reg - 3 && r >= 0; r--) cells.push(`${`x${r}`.padEnd(3)}: ${values[29 - r]}`);
    rows.push(cells.join(' '));
  }
  return rows;
}

const taskFields = fc.record({
  cpu: fc.integer({ min: 0, max: 7 }),
  pid: fc.integer({ min: 1, max: 9999 }),
  comm: fc.constantFrom(...COMMS),
  func: fc.constantFrom(...FUNCS),
  frames: fc.array(fc.constantFrom(...FRAMES), { minLength: 1, maxLength: 8 }),
  regs: fc.array(hex64, { minLength: 30, maxLength: 30 }),
  tainted: fc.boolean(),
});

type TaskFields = typeof taskFields extends fc.Arbitrary<infer T> ? T : never;

/** What arm64 `__show_regs` and `dump_backtrace` print for every kind of report: pc, lr, sp, x29..x0, the trace. */
function registersAndTrace(t: TaskFields, offset: string, sp: string): string[] {
  return [
    `pc : ${t.func}+${offset}`,
    `lr : ${t.frames[0]}`,
    `sp : ${sp}`,
    ...registerRows(t.regs),
    'Call trace:',
    ` ${t.func}+${offset}`,
    ...t.frames.map((f) => ` ${f}`),
  ];
}

export const warningSplat: fc.Arbitrary<LogBlock> = taskFields.map((t) => ({
  kind: 'splat',
  lines: [
    '------------[ cut here ]------------',
    `WARNING: CPU: ${t.cpu} PID: ${t.pid} at arch/arm64/mm/mmu.c:1162 ${t.func}+0x30/0x48`,
    'Modules linked in: amdgpu(+) drm_exec gpu_sched',
    `CPU: ${t.cpu} PID: ${t.pid} Comm: ${t.comm} ${t.tainted ? 'Tainted: G        W         ' : 'Not tainted'} 6.1.0 #1`,
    'Hardware name: SolidRun LX2160A Honeycomb (DT)',
    'pstate: 60400009 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
    ...registersAndTrace(t, '0x30/0x48', 'ffff80000a4bb9b0'),
    '---[ end trace 0000000000000000 ]---',
  ],
}));

export const oopsSplat: fc.Arbitrary<LogBlock> = fc.tuple(taskFields, hex64).map(([t, addr]) => ({
  kind: 'splat',
  lines: [
    `Unable to handle kernel paging request at virtual address ${addr}`,
    'Mem abort info:',
    '  ESR = 0x0000000096000044',
    'Internal error: Oops: 0000000096000044 [#1] PREEMPT SMP',
    'Modules linked in: amdgpu(+) drm_exec gpu_sched',
    `CPU: ${t.cpu} PID: ${t.pid} Comm: ${t.comm} Tainted: G        W          6.1.0 #1`,
    'Hardware name: SolidRun LX2160A Honeycomb (DT)',
    ...registersAndTrace(t, '0x20/0x130', 'ffff80000a4bb890'),
    'Code: f9000c1f f900101f b900341f f900081f (f900001f)',
    '---[ end trace 0000000000000000 ]---',
  ],
}));

/** The soft-lockup watchdog report (kernel/watchdog.c): no cut-here or end-trace line, the trace ends it. */
export const softLockupSplat: fc.Arbitrary<LogBlock> = taskFields.map((t) => ({
  kind: 'splat',
  lines: [
    `watchdog: BUG: soft lockup - CPU#${t.cpu} stuck for 22s! [${t.comm}:${t.pid}]`,
    'Modules linked in: amdgpu(+) drm_exec gpu_sched',
    `CPU: ${t.cpu} PID: ${t.pid} Comm: ${t.comm} Not tainted 6.1.0 #1`,
    'Hardware name: SolidRun LX2160A Honeycomb (DT)',
    ...registersAndTrace(t, '0x74/0x110', 'ffff00006a238e50'),
  ],
}));

/** The hung-task report (kernel/hung_task.c): a header, the task line, the blocked task's stack. */
export const hungTaskSplat: fc.Arbitrary<LogBlock> = taskFields.map((t) => ({
  kind: 'splat',
  lines: [
    `INFO: task ${t.comm}:${t.pid} blocked for more than 143 seconds.`,
    '      Not tainted 6.1.0 #1',
    '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
    `task:${t.comm.padEnd(15)} state:D stack:0     pid:${t.pid}  ppid:1      flags:0x00000008`,
    'Call trace:',
    ' __switch_to+0x2b0/0x6e0',
    ' __schedule+0x1b74/0x2d24',
    ' schedule+0xa4/0x140',
    ` ${t.func}+0x68/0x84`,
    ...t.frames.map((f) => ` ${f}`),
  ],
}));

const plainWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 .:-_/'), minLength: 1, maxLength: 60 });

export const noiseBlock: fc.Arbitrary<LogBlock> = fc
  .array(fc.oneof(fc.constantFrom(...NOISE), plainWord), { minLength: 1, maxLength: 6 })
  .map((lines) => ({ kind: 'noise', lines }));

/** Splats separated by noise; every splat is whole, so no splat spans the end of the block list. */
export const logBlocks: fc.Arbitrary<LogBlock[]> = fc.array(
  fc.oneof(noiseBlock, warningSplat, oopsSplat, softLockupSplat, hungTaskSplat),
  { maxLength: 8 },
);

/** Printk time of line `i` of a whole log: `5 + i * 0.000007` s, so a log cut in two keeps its timestamps. */
function printkTime(i: number): string {
  const micros = 5_000_000 + i * 7;
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`.padStart(12);
}

/** Wall clock of line `i`: a second a line from 12:00:00, never going back (a report ends where the clock jumps). */
const wallClock = (i: number): string => `12:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

/** How consoles and collectors prefix kernel lines: dmesg, dmesg -r, caller ids, syslog, journalctl, /dev/kmsg. */
export const PREFIX_STYLES = {
  printk: (i: number) => `[${printkTime(i)}] `,
  level: (i: number) => `<4>[${printkTime(i)}] `,
  caller: (i: number) => `[${printkTime(i)}][  T123] `,
  syslog: (i: number) => `Jan 10 ${wallClock(i)} honeycomb kernel: [${printkTime(i)}] `,
  journal: (i: number) => `Jan 10 ${wallClock(i)} honeycomb kernel: `,
  iso: (i: number) => `2023-01-10T${wallClock(i)}.123456+00:00 honeycomb kernel: `,
  kmsg: (i: number) => `4,${i},${5_000_000 + i * 7},-;`,
  bare: () => '',
} as const;

export type PrefixStyle = keyof typeof PREFIX_STYLES;

/** Prefixes the lines; line i of the whole log counts from `firstLine`, so a log cut in two keeps its prefixes. */
export function stampLines(lines: readonly string[], firstLine = 0, style: PrefixStyle = 'printk'): string {
  return lines.map((line, i) => `${PREFIX_STYLES[style](firstLine + i)}${line}\n`).join('');
}

export function blockLines(blocks: readonly LogBlock[]): string[] {
  return blocks.flatMap((b) => b.lines);
}
