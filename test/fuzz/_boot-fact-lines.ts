/**
 * Boot-fact lines (release, pgtable, zones, nodes, the old virtual layout block, Memory:, CPU features) with random
 * numbers in every field, and register pairs: what layout inference reads, including values no kernel prints.
 */
import fc from 'fast-check';

const hex64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((v) => v.toString(16).padStart(16, '0'));
const num = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 1_000_000_000 }));

export const bootFactLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(num, num, num).map(([a, b, c]) => `Linux version ${a}.${b}.${c} (builder@buildhost) (gcc (GCC) 12.2.0) #1 SMP`),
  fc.tuple(fc.constantFrom('user', 'swapper'), num, num).map(([who, k, va]) => `${who} pgtable: ${k}k pages, ${va}-bit VAs, pgdp=00000008812c4000`),
  fc.tuple(fc.constantFrom('DMA', 'DMA32', 'Normal'), hex64, hex64).map(([z, a, b]) => `  ${z.padEnd(8)} [mem 0x${a}-0x${b}]`),
  fc.tuple(num, hex64, hex64).map(([n, a, b]) => `  node   ${n}: [mem 0x${a}-0x${b}]`),
  fc.tuple(hex64, hex64).map(([a, b]) => `    vmemmap : 0x${a} - 0x${b}   (     8 GB maximum)`),
  fc.tuple(hex64, hex64).map(([a, b]) => `              0x${a} - 0x${b}   (   125 MB actual)`),
  fc.tuple(num, num).map(([a, b]) => `Memory: ${a}K/${b}K available (16384K kernel code, 1024K bss, 671088K reserved, 0K cma-reserved)`),
  fc.constantFrom(
    'Virtual kernel memory layout:',
    'Zone ranges:',
    'Early memory node ranges',
    'KASLR enabled',
    'CPU features: detected: 52-bit Virtual Addressing (LVA)',
    'CPU features: detected: 52-bit Virtual Addressing for KVM (LPA2)',
    'Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]',
  ),
);

/** The x1/x0 row of a register dump (the pair vmemmap_populate's WARN leaves start/end in) with random values. */
export const registerPairRow: fc.Arbitrary<string> = fc.tuple(hex64, hex64).map(([x1, x0]) => `x2 : 0000000000000000 x1 : ${x1} x0 : ${x0}`);
