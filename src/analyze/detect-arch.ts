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

export function archOfSplat(splat: Splat): string | undefined {
  const path = splat.site.file ?? '';
  const archDir = /(?:^|\/)arch\/(arm64|x86|arm|riscv|powerpc|s390|mips|loongarch)\//.exec(path)?.[1];
  if (splat.regs.has('x29') || splat.regs.has('x30') || archDir === 'arm64') return 'arm64';
  if (splat.regs.has('rip') || splat.regs.has('rax') || archDir === 'x86') return 'x86_64';
  if (splat.regs.has('epc') || splat.regs.has('ra') || archDir === 'riscv') return 'riscv64';
  if (splat.regs.has('r0') || splat.regs.has('fp') || archDir === 'arm') return 'arm';
  return archDir;
}
