import { hex16 } from './dmesg.mjs';

/** The boot facts a kernel prints before userspace: version, machine, memory map, page tables, command line. */
export function bootPreamble(d, b) {
  d.line('Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]', 0);
  d.line(`Linux version ${b.release} (builder@buildhost) (${b.compiler}) #1 SMP PREEMPT ${b.buildDate}`, 0);
  d.line(`Machine model: ${b.machine}`, 0);
  d.line('efi: UEFI not found.', 0);
  d.line('NUMA: No NUMA configuration found', 0);
  d.line(`NUMA: Faking a node at [mem 0x${hex16(b.dramStart)}-0x${hex16(b.dramEnd - 1n)}]`, 0);
  d.line('Zone ranges:', 0);
  for (const z of b.zones) d.line(z.range ? `  ${z.name.padEnd(8, ' ')} [mem 0x${hex16(z.range[0])}-0x${hex16(z.range[1] - 1n)}]` : `  ${z.name.padEnd(8, ' ')} empty`, 0);
  d.line('Movable zone start for each node', 0);
  d.line('Early memory node ranges', 0);
  d.line(`  node   0: [mem 0x${hex16(b.dramStart)}-0x${hex16(b.dramEnd - 1n)}]`, 0);
  d.line(`Initmem setup node 0 [mem 0x${hex16(b.dramStart)}-0x${hex16(b.dramEnd - 1n)}]`, 0);
  d.line('psci: probing for conduit method from DT.', 0);
  d.line('psci: PSCIv1.1 detected in firmware.', 0);
  d.line(`Kernel command line: ${b.cmdline}`, 0);
  if (/\bnokaslr\b/.test(b.cmdline)) d.line('KASLR disabled on command line', 0);
  const kib = (b.dramEnd - b.dramStart) >> 10n;
  d.line(`Memory: ${kib - kib / 50n}K/${kib}K available (16384K kernel code, 4096K rwdata, 8192K rodata, 8192K init, 1024K bss, ${kib / 50n}K reserved, 0K cma-reserved)`, 0);
  d.line('SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=8, Nodes=1', 0);
  d.line('rcu: Preemptible hierarchical RCU implementation.', 40);
  d.line('CPU features: detected: Address authentication (architected QARMA5 algorithm)', 2000);
  d.line('CPU: All CPU(s) started at EL2', 500);
  d.line('devtmpfs: initialized', 1000);
}

/**
 * arm64 max_zone_phys(): ZONE_DMA ends at 4 GiB when DRAM starts below it (DMA32 then empty on these systems);
 * when DRAM starts above 4 GiB, ZONE_DMA spans all of it.
 */
export function zonesFor(dramStart, dramEnd) {
  if (dramStart > 0xffffffffn) {
    return [{ name: 'DMA', range: [dramStart, dramEnd] }, { name: 'DMA32', range: undefined }, { name: 'Normal', range: undefined }];
  }
  const dmaEnd = 0x100000000n < dramEnd ? 0x100000000n : dramEnd;
  return [
    { name: 'DMA', range: [dramStart, dmaEnd] },
    { name: 'DMA32', range: undefined },
    { name: 'Normal', range: dmaEnd < dramEnd ? [dmaEnd, dramEnd] : undefined },
  ];
}
