/**
 * Needles of every boot-fact line that can start a fact or a block. Lines inside a block (zone, node and virtual
 * layout lines) carry none of these; the collector asks for every line while a block is open.
 */
export const BOOT_FACT_TRIGGERS: readonly string[] = [
  'Booting Linux on physical CPU',
  'Linux version ',
  'Machine model: ',
  'Kernel command line: ',
  'Memory: ',
  'Zone ranges:',
  'Early memory node ranges',
  ' pgtable: ',
  'Virtual kernel memory layout:',
  'CPU features: ',
  'KASLR ',
  "Memory doesn't fit in the linear mapping",
  'PHYS_OFFSET: ',
  'Kernel Offset: ',
  'KernelAddressSanitizer initialized',
  'Boot CPU: AArch64',
  'CPU: ARMv',
  'x86/fpu: ',
];
