// Throughput of feedLines on a generated "quiet" log (~100-byte lines, one WARNING splat per ~2000 lines), next to
// `LC_ALL=C grep -c WARNING:`. Run `npm run build` first; `node bench/ingest-speed.mjs [sizeMB]`.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { feedLines } from '../dist/ingest/feed-lines.js';
import { BOOT_FACT_TRIGGERS } from '../dist/parse/boot-fact-triggers.js';
import { SPLAT_TRIGGERS } from '../dist/parse/splat-triggers.js';

const sizeMB = Number(process.argv[2] ?? 200);
const path = `/tmp/vmemwarn-quiet-${sizeMB}MB.log`;
const TRIGGERS = [...SPLAT_TRIGGERS, ...BOOT_FACT_TRIGGERS];
const NOISE = [
  'usb 1-1: new high-speed USB device number 2 using xhci-hcd',
  'EXT4-fs (mmcblk0p2): mounted filesystem with ordered data mode. Quota mode: none.',
  'systemd[1]: Started Journal Service.',
  'audit: type=1400 audit(1600000000.123:45): apparmor="STATUS" operation="profile_load"',
  'random: crng init done',
];
const SPLAT = [
  '------------[ cut here ]------------',
  'WARNING: CPU: 1 PID: 23 at arch/arm64/mm/mmu.c:1234 vmemmap_populate+0x44/0x194',
  'Modules linked in:',
  'CPU: 1 PID: 23 Comm: kworker/1:1 Not tainted 6.1.0 #1',
  'pc : vmemmap_populate+0x44/0x194',
  'lr : __populate_section_memmap+0x40/0x60',
  'Call trace:',
  ' vmemmap_populate+0x44/0x194',
  '---[ end trace 0000000000000000 ]---',
];

if (!existsSync(path) || statSync(path).size < sizeMB * 1e6) {
  const lines = [];
  for (let n = 1; lines.length < 20000; n++) {
    const body = n % 2000 === 0 ? SPLAT : [NOISE[n % NOISE.length]];
    for (const b of body) {
      lines.push(`[${(lines.length / 1000).toFixed(6).padStart(12)}] ${b}`.padEnd(99, ' ').slice(0, 99));
    }
  }
  const block = Buffer.from(lines.join('\n') + '\n');
  writeFileSync(path, Buffer.concat(Array(Math.ceil((sizeMB * 1e6) / block.length)).fill(block)));
}
const bytes = statSync(path).size;

class EveryLineSink {
  wantsEveryLine = true;
  triggers = TRIGGERS;
  count = 0;
  pushLine() { this.count++; }
}
class QuietSink {
  wantsEveryLine = false;
  triggers = TRIGGERS;
  count = 0;
  // Like the segmenter: wants every line while a splat is open (from `cut here` to `end trace`).
  pushLine(_n, text) {
    this.count++;
    if (text.includes('cut here')) this.wantsEveryLine = true;
    else if (text.includes('end trace')) this.wantsEveryLine = false;
  }
}

async function measure(label, run) {
  await run();
  const start = process.hrtime.bigint();
  const result = await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(28)} ${((bytes / 1e6) / seconds).toFixed(0).padStart(6)} MB/s  (${result})`);
}

console.log(`${path}: ${(bytes / 1e6).toFixed(0)} MB`);
await measure('grep -c WARNING:', () =>
  execFileSync('grep', ['-c', 'WARNING:', path], { env: { LC_ALL: 'C' } }).toString().trim() + ' lines');
for (const Sink of [EveryLineSink, QuietSink]) {
  await measure(`feedLines ${Sink.name}`, async () => {
    const sink = new Sink();
    const stats = await feedLines(createReadStream(path, { highWaterMark: 1 << 20 }), sink);
    return `${sink.count} of ${stats.lines} lines delivered`;
  });
}
