import type { BootFacts, Fact } from '../parse/types.js';
import { computeConstants } from './constants.js';
import { shapes, type Shape } from './hypotheses.js';

export interface VirtualLayoutMatch extends Shape {
  /** The `vmemmap : ... (N GB maximum)` line that matched. */
  fact: Fact<{ region: string; start: bigint; end: bigint }>;
  /** DRAM start read from the `actual` line when the era indexes vmemmap by absolute pfn (E0). */
  dramStart?: bigint;
  /**
   * E0b/E1: pages from memstart_addr to the DRAM start, read from the `actual` line (mem_init prints
   * phys_to_page(memblock_start_of_DRAM()), and vmemmap = VMEMMAP_START - (memstart_addr >> PAGE_SHIFT)).
   */
  pagesBelowDram?: bigint;
  actualFact?: Fact<{ region: string; start: bigint; end: bigint }>;
}

/**
 * The `Virtual kernel memory layout:` block (printed until ~4.17) gives VMEMMAP_START/END directly; the shapes of
 * eras E0, E0b and E1 whose window equals it are the candidates (the "GB maximum" size tells E0 from E0b/E1).
 */
export function matchVirtualLayout(boot: BootFacts | undefined, structPageSize: number): VirtualLayoutMatch[] {
  const vmemmap = boot?.virtualLayout.filter((f) => f.value.region === 'vmemmap') ?? [];
  const window = vmemmap.find((f) => f.value.kind !== 'actual');
  if (!window) return [];
  const actual = vmemmap.find((f) => f.value.kind === 'actual');
  const matches: VirtualLayoutMatch[] = [];
  for (const shape of shapes(['E0', 'E0b', 'E1'])) {
    const c = computeConstants({ ...shape, structPageSize, memstart: 0n, sectionShift: 30 });
    if (c.vmemmapStart !== window.value.start || c.vmemmapEnd !== window.value.end) continue;
    const match: VirtualLayoutMatch = { ...shape, fact: window };
    if (actual) {
      match.actualFact = actual;
      const sp = BigInt(structPageSize);
      const offset = actual.value.start - c.vmemmapStart;
      if (offset >= 0n && offset % sp === 0n) {
        if (shape.era === 'E0') match.dramStart = (offset / sp) << BigInt(shape.pageShift);
        else match.pagesBelowDram = offset / sp;
      }
    }
    matches.push(match);
  }
  return matches;
}
