/**
 * Found by a review of the log formats: behind moreutils `ts` (or an ISO capture stamp) on a console without printk
 * times, `Kernel Offset: 0x2b63e00000 from 0xffffffc010000000` read as syslog host `Kernel` logging as `Offset`, user
 * space: the KIMAGE_VADDR it gives, and the VA size with it, was lost.
 */
import { analyzeText } from '../../src/api.js';

const PANIC = [
  'Booting Linux on physical CPU 0x0000000000 [0x410fd083]',
  'Linux version 5.10.0-21-arm64 (debian-kernel@lists.debian.org) (gcc-10 (Debian 10.2.1-6) 10.2.1 20210110, GNU ld (GNU Binutils for Debian) 2.35.2) #1 SMP Debian 5.10.162-1 (2023-01-21)',
  'Boot CPU: AArch64 Processor [410fd083]',
  'Machine model: Foo Board',
  'Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b',
  'SMP: stopping secondary CPUs',
  'Kernel Offset: 0x2b63e00000 from 0xffffffc010000000',
  'PHYS_OFFSET: 0xffffffe880000000',
  'Memory Limit: none',
  '---[ end Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b ]---',
];

async function bootOf(lines: string[]) {
  const r = await analyzeText(`${lines.join('\n')}\n`);
  const boot = r.boots[0];
  return { arch: r.arch, kimageVaddr: boot?.kimageVaddr?.value, physOffset: boot?.physOffset?.value, clusters: r.clusters.map((c) => c.title) };
}

const two = (n: number) => String(n).padStart(2, '0');

test.each([
  ['ts', (i: number) => `Nov 29 09:00:${two(i)} `],
  ["ts '%FT%T'", (i: number) => `2026-11-29T09:00:${two(i)} `],
])('Found by a review: the boot facts of a console behind %s are those of the plain console', async (_name, stamp) => {
  const plain = await bootOf(PANIC);
  expect(plain.kimageVaddr).toBeDefined();
  expect(plain.arch).toBe('arm64');
  expect(await bootOf(PANIC.map((l, i) => `${stamp(i)}${l}`))).toEqual(plain);
});
