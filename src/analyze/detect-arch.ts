import type { BootFacts, Splat } from '../parse/types.js';

/** Architecture of a log as its splats and boot facts show it; `unknown` when nothing tells. */
export function detectArch(boots: readonly BootFacts[], examples: readonly Splat[]): string {
  for (const boot of boots) if (boot.arch) return boot.arch.value;
  for (const splat of examples) {
    const fromSplat = archOfSplat(splat);
    if (fromSplat) return fromSplat;
  }
  return 'unknown';
}

// x86_64 register dumps (`RIP: 0010:func+off/size`, `RAX: ...`) are not parsed into `regs`; the RIP line is enough.
const X86_RIP_LINE = /^RIP: [0-9a-f]{4}:/;
/**
 * Exception entry and syscall frames only one architecture has, for a report without a register dump (a 4.9 WARN
 * on panic_on_warn): arm64's `el1_dbg`, `el0_svc`, `el1h_64_sync`, `__arm64_sys_*`; x86's `entry_SYSCALL_64`.
 */
const ARM64_FRAME = /^(?:el[01]h?_(?:64_)?(?:sync|irq|error|dbg|da|ia|svc|fpsimd_acc|undef)\w*|el0t_64_\w+|el[01]_svc\w*|__arm64_sys_\w+|do_el0_svc\w*)$/;
const X86_FRAME = /^(?:entry_SYSCALL_64\w*|do_syscall_64|asm_exc_\w+|asm_sysvec_\w+)$/;

/** The name each `arch/<dir>/` is reported under. */
const ARCH_OF_DIR: Readonly<Record<string, string>> = { arm64: 'arm64', x86: 'x86_64', riscv: 'riscv64', arm: 'arm' };

export function archOfSplat(splat: Splat): string | undefined {
  const path = splat.site.file ?? '';
  // The directory of the WARN site names the arch outright; register names are shared (MIPS prints `epc` and `ra`
  // as riscv does), so they only decide where the site is elsewhere (drivers/, mm/, kernel/).
  const archDir = /(?:^|\/)arch\/(arm64|x86|arm|riscv|powerpc|s390|mips|loongarch)\//.exec(path)?.[1];
  if (archDir !== undefined) return ARCH_OF_DIR[archDir] ?? archDir;
  if (splat.regs.has('x29') || splat.regs.has('x30')) return 'arm64';
  if (splat.lines.some((line) => X86_RIP_LINE.test(line.text))) return 'x86_64';
  if (splat.regs.has('epc') || splat.regs.has('ra')) return 'riscv64';
  if (splat.regs.has('r0') || splat.regs.has('fp')) return 'arm';
  if (splat.frames.some((f) => f.func !== undefined && ARM64_FRAME.test(f.func))) return 'arm64';
  if (splat.frames.some((f) => f.func !== undefined && X86_FRAME.test(f.func))) return 'x86_64';
  return undefined;
}
