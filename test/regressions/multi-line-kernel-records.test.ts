/**
 * Found by a review of the log formats: 4.x arm64 prints its `Virtual kernel memory layout:` block as one printk with
 * embedded newlines. A console prints each line with the record's stamp; /dev/kmsg writes them as `\x0a`, the journal
 * keeps them in MESSAGE and rsyslog writes `#012`, in one line, and the block's rows had been lost: the VA size fell
 * back to the 48-bit default where the plain log of the same boot (boot__jetson-tx2_4.4.38-tegra_dmesg.txt in the
 * corpus, whose rows these are) gives 39.
 */
import { analyzeText } from '../../src/api.js';

const RELEASE = 'Linux version 4.4.38-tegra (buildbrain@mobile-u64-773) (gcc version 4.8.5 (GCC) ) #1 SMP PREEMPT Fri Jul 28 09:55:22 PDT 2017';
const LAYOUT = [
  'Virtual kernel memory layout:',
  '    vmalloc : 0xffffff8000000000 - 0xffffffbdbfff0000   (   246 GB)',
  '    vmemmap : 0xffffffbdc0000000 - 0xffffffbfc0000000   (     8 GB maximum)',
  '              0xffffffbdc2000000 - 0xffffffbdc9d7c400   (   125 MB actual)',
  '    fixed   : 0xffffffbffa7fd000 - 0xffffffbffac00000   (  4108 KB)',
  '    PCI I/O : 0xffffffbffae00000 - 0xffffffbffbe00000   (    16 MB)',
  '    modules : 0xffffffbffc000000 - 0xffffffc000000000   (    64 MB)',
  '    memory  : 0xffffffc000000000 - 0xffffffc1f5f10000   (  8031 MB)',
  '      .init : 0xffffffc0010cd000 - 0xffffffc0011f0000   (  1164 KB)',
  '      .text : 0xffffffc000080000 - 0xffffffc0010cd000   ( 16692 KB)',
  '      .data : 0xffffffc001211000 - 0xffffffc0013d7430   (  1818 KB)',
];
const AFTER = 'SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=6, Nodes=1';

async function layoutOf(log: string[]) {
  const r = await analyzeText(`${log.join('\n')}\n`);
  return r.boots.map((b) => ({ release: b.release?.value, layout: b.virtualLayout.map((f) => f.value) }));
}

const kmsgEscaped = (text: string) => text.replace(/[\\\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

const CONTAINERS: [string, (messages: string[]) => string[]][] = [
  ['/dev/kmsg', (ms) => ms.map((m, i) => `6,${i},0,-;${kmsgEscaped(m)}`)],
  ['journalctl -o json', (ms) => ms.map((m) => JSON.stringify({ _TRANSPORT: 'kernel', SYSLOG_IDENTIFIER: 'kernel', _HOSTNAME: 'jetson', MESSAGE: m }))],
  ['rsyslog', (ms) => ms.map((m) => `Nov 29 09:00:00 jetson kernel: ${m.replaceAll('\n', '#012')}`)],
];

test.each(CONTAINERS)('Found by a review: the 4.x layout block as one record in %s gives the rows of the plain log', async (_name, write) => {
  const plain = await layoutOf([RELEASE, ...LAYOUT, AFTER].map((l) => `[    0.000000] ${l}`));
  expect(plain[0]?.layout.length).toBe(LAYOUT.length - 1);
  expect(await layoutOf(write([RELEASE, LAYOUT.join('\n'), AFTER]))).toEqual(plain);
});
