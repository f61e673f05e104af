/**
 * fast-check arbitraries for realistic arm64 kernel logs: ordinary boot chatter and WARNING / Oops splats in the
 * shapes of samples/logs (a `cut here` WARNING with a register dump, a paging-request Oops ending in `Code:`).
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

export const warningSplat: fc.Arbitrary<LogBlock> = taskFields.map((t) => ({
  kind: 'splat',
  lines: [
    '------------[ cut here ]------------',
    `WARNING: CPU: ${t.cpu} PID: ${t.pid} at arch/arm64/mm/mmu.c:1162 ${t.func}+0x30/0x48`,
    'Modules linked in: amdgpu(+) drm_exec gpu_sched',
    `CPU: ${t.cpu} PID: ${t.pid} Comm: ${t.comm} ${t.tainted ? 'Tainted: G        W         ' : 'Not tainted'} 6.1.0 #1`,
    'Hardware name: SolidRun LX2160A Honeycomb (DT)',
    'pstate: 60400009 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
    `pc : ${t.func}+0x30/0x48`,
    `lr : ${t.frames[0]}`,
    'sp : ffff80000a4bb9b0',
    ...registerRows(t.regs),
    'Call trace:',
    ` ${t.func}+0x30/0x48`,
    ...t.frames.map((f) => ` ${f}`),
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
    `pc : ${t.func}+0x20/0x130`,
    `lr : ${t.frames[0]}`,
    'sp : ffff80000a4bb890',
    ...registerRows(t.regs),
    'Call trace:',
    ` ${t.func}+0x20/0x130`,
    ...t.frames.map((f) => ` ${f}`),
    'Code: f9000c1f f900101f b900341f f900081f (f900001f)',
    '---[ end trace 0000000000000000 ]---',
  ],
}));

const plainWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 .:-_/'), minLength: 1, maxLength: 60 });

export const noiseBlock: fc.Arbitrary<LogBlock> = fc
  .array(fc.oneof(fc.constantFrom(...NOISE), plainWord), { minLength: 1, maxLength: 6 })
  .map((lines) => ({ kind: 'noise', lines }));

/** Splats separated by noise; every splat is whole, so no splat spans the end of the block list. */
export const logBlocks: fc.Arbitrary<LogBlock[]> = fc.array(fc.oneof(noiseBlock, warningSplat, oopsSplat), { maxLength: 8 });

/**
 * Printk-stamps the lines: line i of the whole log (counting from `firstLine`) gets `[ 5 + i * 0.000007 ]`, so a
 * log cut in two keeps the timestamps it had as one piece.
 */
export function stampLines(lines: readonly string[], firstLine = 0): string {
  return lines
    .map((line, i) => {
      const micros = 5_000_000 + (firstLine + i) * 7;
      const ts = `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
      return `[${ts.padStart(12)}] ${line}\n`;
    })
    .join('');
}

export function blockLines(blocks: readonly LogBlock[]): string[] {
  return blocks.flatMap((b) => b.lines);
}
