/**
 * The e4 sample (samples/logs/e4-48-4k-amdgpu-6.10-warn-then-oops.log: a WARNING storm, then an Oops) in pieces, for
 * tests that write it out as another tool would: its printk-stamped lines, and what the plain log gives, to compare.
 */
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../src/api.js';
import { SAMPLES } from '../cli/_spawn-cli.js';

/** One printk-stamped line of the sample: the time as printed inside the brackets, its seconds, and the message. */
export interface StampedLine {
  time: string;
  seconds: number;
  text: string;
}

export const E4_SAMPLE = `${SAMPLES}e4-48-4k-amdgpu-6.10-warn-then-oops.log`;

/** The sample's lines that carry a printk time (all but its comment). */
export function e4Stamped(): StampedLine[] {
  const out: StampedLine[] = [];
  for (const line of readFileSync(E4_SAMPLE, 'utf8').split('\n')) {
    const m = /^\[( *(\d+\.\d+))\] (.*)$/.exec(line);
    if (m) out.push({ time: m[1]!, seconds: Number(m[2]), text: m[3]! });
  }
  return out;
}

/** The sample's stamped lines as dmesg prints them. */
export function e4Dmesg(): string {
  return `${e4Stamped().map((l) => `[${l.time}] ${l.text}`).join('\n')}\n`;
}

/** What an analysis found, in a form to compare: clusters with their counts, vmemmap findings, boots' facts. */
export async function findingsOf(text: string) {
  const r = await analyzeText(text);
  return {
    splats: r.stats.splats,
    clusters: r.clusters.map((c) => [c.title, c.count]).sort(),
    vmemmap: r.clusters.flatMap((c) => c.vmemmap.map((v) => [v.op, v.readCount, v.pageHull])).sort(),
    boots: r.boots.map((b) => [b.release?.value, b.machineModel?.value, b.memory?.value]),
  };
}

/** A sample's printk-stamped lines as syslog lines of `host`, each with its printk time to merge by. */
export function asSyslogOf(host: string, sample: string): { seconds: number; line: string }[] {
  return readFileSync(`${SAMPLES}${sample}`, 'utf8')
    .split('\n')
    .flatMap((l) => {
      const m = /^\[ *(\d+\.\d+)\]/.exec(l);
      return m ? [{ seconds: Number(m[1]), line: `Nov 29 09:00:00 ${host} kernel: ${l}` }] : [];
    });
}

/**
 * The e4 sample on `hostA` and the e3 amdgpu storm on `hostB` in one syslog file: sorted by printk time (as a syslog
 * server interleaves machines that booted together), or one after the other.
 */
export function twoHostSyslog(interleaved: boolean): string {
  const a = asSyslogOf('hostA', 'e4-48-4k-amdgpu-6.10-warn-then-oops.log');
  const b = asSyslogOf('hostB', 'e3-48-4k-amdgpu-populate-storm.log');
  const rows = interleaved ? [...a, ...b].sort((x, y) => x.seconds - y.seconds) : [...a, ...b];
  return `${rows.map((r) => r.line).join('\n')}\n`;
}
