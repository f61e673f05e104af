import { BootFactCollector } from '../../src/parse/boot-facts.js';
import { matchVirtualLayout } from '../../src/layout/virtual-layout-match.js';

function bootWith(lines: string[]) {
  const c = new BootFactCollector();
  lines.forEach((text, i) => c.push({ lineNo: i + 1, text }));
  return c.current;
}

test('8 GB maximum at 0xffffffbdc0000000 is E0 39-bit/4K; the actual line gives DRAM start', () => {
  const boot = bootWith([
    'Virtual kernel memory layout:',
    '    vmemmap : 0xffffffbdc0000000 - 0xffffffbfc0000000   (     8 GB maximum)',
    '              0xffffffbdc2000000 - 0xffffffbdc9d7c400   (   125 MB actual)',
  ]);
  const [m, ...rest] = matchVirtualLayout(boot, 64);
  expect(rest).toEqual([]);
  expect(m).toMatchObject({ era: 'E0', pageShift: 12, vaBits: 39 });
  // (0xffffffbdc2000000 - 0xffffffbdc0000000) / 64 = pfn 0x80000 → 0x80000000.
  expect(m?.dramStart).toBe(0x8000_0000n);
});

test('4 GB maximum at 0xffffffbf00000000 is E1 39-bit/4K (E0b would start at ...bec0000000)', () => {
  const boot = bootWith(['Virtual kernel memory layout:', '    vmemmap : 0xffffffbf00000000 - 0xffffffc000000000   (     4 GB maximum)']);
  expect(matchVirtualLayout(boot, 64).map((m) => m.era)).toEqual(['E1']);
});

test('no block, no match', () => {
  expect(matchVirtualLayout(bootWith([]), 64)).toEqual([]);
});
