import { readFile } from 'node:fs/promises';
import { analyzeText } from '../../src/api.js';
import {
  BARE_CLOCK_STAMP,
  BARE_ISO_STAMP,
  BARE_MONTH_STAMP,
  BARE_SECONDS_STAMP,
  BRACKETED_CLOCK_STAMP,
  GITHUB_ACTIONS_STAMP,
  GITLAB_CI_STAMP,
  GRABSERIAL_ELAPSED_STAMP,
  OPENWRT_LOGREAD_STAMP,
} from '../../src/parse/prefix-capture-stamps.js';
import type { PrefixRule } from '../../src/parse/prefix-rules.js';

const RULES: [PrefixRule, string][] = [
  [GITHUB_ACTIONS_STAMP, '2026-11-26T13:20:01.1234567Z '],
  [GITLAB_CI_STAMP, '2026-11-26T13:20:01.123456Z 00O '],
  [BARE_ISO_STAMP, '2026-11-26 13:20:01 '],
  [BARE_CLOCK_STAMP, '13:20:01.5 '],
  [BARE_SECONDS_STAMP, '1699264800.123456 '],
  [BRACKETED_CLOCK_STAMP, '[13:20:01.123] '],
  [GRABSERIAL_ELAPSED_STAMP, '[   12.345678  0.001234] '],
  [BARE_MONTH_STAMP, 'Nov  6 13:20:01 '],
  [OPENWRT_LOGREAD_STAMP, 'Thu Nov 26 13:20:01 2026 kern.warn kernel: '],
];

// Starts of kernel lines (and of other prefixes) that no capture stamp may take. Syslog and `dmesg --time-format iso`
// stamps would be taken by the bare ones: their rules come first (prefix.test.ts checks the order's outcome).
const KERNEL_STARTS = [
  '[    1.234567] ', '[ cut here ]', '[drm] x', '[<ffff000008081234>] foo+0x10/0x20', '[   14.200024 <    0.000003>] ',
  '[  T123] ', '[Tue May  2 10:11:12 2023] ', '[  +0.000123] ', '0000:00:1f.0: enabling device', '12345 pages reserved',
  'Memory: 8053000K/8388608K available', 'Hardware name: Radxa ROCK 5 Model B (DT)',
];

describe.each(RULES.map(([rule, stamp]) => [rule.name, rule, stamp] as const))('%s', (_name, rule, stamp) => {
  test('takes its stamp and leaves the line', () => {
    const line = `${stamp}[    3.420010] Call trace:`;
    const m = rule.re.exec(line);
    expect(m).not.toBeNull();
    expect(rule.take(m!, {})).toBe('[    3.420010] Call trace:');
  });

  test('starts with one of its first characters', () => {
    expect(rule.firstChars).toContain(stamp[0]);
  });

  test.each(KERNEL_STARTS)('leaves %j alone', (start) => {
    expect(rule.re.exec(`${start}Call trace:`)).toBeNull();
  });
});

// Found by a review: `ts '%.s'` on a console made every splat `WARNING in corrupted`, its registers unread.
test.each([
  ["ts '%.s'", (i: number) => `${1699264800 + i}.${String(i).padStart(6, '0')} `],
  ["ts -s '%.s'", (i: number) => `${(i * 0.01).toFixed(6)} `],
  ["ts '%s'", (i: number) => `${1699264800 + i} `],
])('%s before printk times: the same clusters and registers as the bare log', async (_name, stamp) => {
  const sample = await readFile(new URL('../../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url), 'utf8');
  const lines = sample.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const bare = await analyzeText(`${lines.join('\n')}\n`);
  const wrapped = await analyzeText(`${lines.map((l, i) => `${stamp(i)}${l}`).join('\n')}\n`);
  expect(wrapped.clusters.map((c) => [c.signature, c.count])).toEqual(bare.clusters.map((c) => [c.signature, c.count]));
  expect(wrapped.clusters[0]?.example.regs).toEqual(bare.clusters[0]?.example.regs);
  expect(wrapped.boots[0]?.release?.value).toBe(bare.boots[0]?.release?.value);
});

// Found by a review: the host column had counted as a kernel origin, so a Zuul job failed `--fail-on warning` on pip.
test("Zuul: a command's `WARNING:` line is no splat, a kernel's behind the same column is", async () => {
  const zuul = (line: string) => `2026-11-26 13:20:01.123456 | ubuntu-jammy | ${line} `;
  const pip = await analyzeText(`${zuul("WARNING: Running pip as the 'root' user can result in broken permissions")}\n`);
  expect(pip.stats.splats).toBe(0);
  const kernel = await analyzeText(
    `${['[   14.200021] WARNING: CPU: 3 PID: 1234 at arch/arm64/mm/mmu.c:1162 vmemmap_populate+0x30/0x48', '[   14.200030] Call trace:',
      '[   14.200031]  vmemmap_populate+0x30/0x48', '[   14.200040] ---[ end trace 0000000000000000 ]---'].map(zuul).join('\n')}\n`,
  );
  expect(kernel.clusters.map((c) => c.title)).toEqual(['WARNING in vmemmap_populate']);
});

test("ts '%.s' gives the epoch's wall time; seconds since the start give none", () => {
  const epoch = BARE_SECONDS_STAMP.re.exec('1699264800.123456 [    1.000000] x')!;
  const into: { wallTime?: string } = {};
  BARE_SECONDS_STAMP.take(epoch, into);
  // 1699264800 s after 1970-01-01T00:00:00Z.
  expect(into.wallTime).toBe(`${new Date(1699264800 * 1000).toISOString().slice(0, 19)}.123456Z`);
  const relative: { wallTime?: string } = {};
  BARE_SECONDS_STAMP.take(BARE_SECONDS_STAMP.re.exec('12.5 [    1.000000] x')!, relative);
  expect(relative.wallTime).toBeUndefined();
});

describe('a sample behind each capture stamp', () => {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  // One second a line from 13:20:00, on and on: a clock that went back at each minute's turn would end every report
  // there (a report prints within a moment, and the wall clock says when where there is no printk time).
  const mmss = (i: number): string => `${pad(20 + Math.floor(i / 60))}:${pad(i % 60)}`;
  const wrappers: [string, (line: string, i: number) => string][] = [
    ['BusyBox syslogd', (l, i) => `Nov 26 13:${mmss(i)} rock5b kern.warn kernel: ${l}`],
    ['OpenWrt logread', (l, i) => `Thu Nov  6 13:${mmss(i)} 2026 kern.warn kernel: ${l}`],
    ['ts', (l, i) => `Nov 26 13:${mmss(i)} ${l}`],
    ['tio', (l, i) => `[13:${mmss(i)}.${pad(i % 1000, 3)}] ${l}`],
    ['minicom', (l, i) => `[2026-11-26 13:${mmss(i)}.${pad(i % 1000, 3)}] ${l}`],
    ['grabserial -t', (l, i) => `[${(i * 0.01).toFixed(6)} 0.010000] ${l}`],
    ['GitHub Actions', (l, i) => `2026-11-26T13:${mmss(i)}.1234567Z ${l}`],
    ['GitLab CI', (l, i) => `2026-11-26T13:${mmss(i)}.123456Z 00O ${l}`],
    ['Zuul', (l, i) => `2026-11-26 13:${mmss(i)}.123456 | ubuntu-jammy-arm64 | ${l} `],
    ['Jenkins timestamper', (l, i) => `13:${mmss(i)}  ${l}`],
    ['Buildkite', (l, i) => `\x1b_bk;t=${1764163201000 + i}\x07${l}`],
    ['BusyBox syslogd -S', (l, i) => `Nov 26 13:${mmss(i)} kernel: ${l}`],
    // Found by a review: logcat's formats other than threadtime gave no splat.
    ['logcat -v threadtime', (l, i) => `11-26 13:${mmss(i)}.123     0     0 W         : ${l}`],
    ['logcat -v time', (l, i) => `11-26 13:${mmss(i)}.123 W/        (    0): ${l}`],
    ['logcat -v brief', (l) => `W/        (    0): ${l}`],
    ['logcat -v threadtime,year,usec', (l, i) => `2026-11-26 13:${mmss(i)}.123456     0     0 W         : ${l}`],
    ['logcat -v threadtime,uid', (l, i) => `11-26 13:${mmss(i)}.123  root     0     0 W         : ${l}`],
    ['logcat -v threadtime,epoch', (l, i) => `${1764163200 + i}.123     0     0 W         : ${l}`],
    ['logcat -v threadtime,monotonic', (l, i) => `${String(i).padStart(6)}.123     0     0 W         : ${l}`],
  ];

  const printkTimes = [true, false].flatMap((times) => wrappers.map(([name, wrap]) => [name, times, wrap] as const));

  test.each(printkTimes)('%s (printk times: %s): the same splats, clusters, registers and boot facts as the bare log', async (_name, times, wrap) => {
    const sample = await readFile(new URL('../../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url), 'utf8');
    const lines = sample.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => (times ? l : l.replace(/^\[ *\d+\.\d+\] /, '')));
    const bare = await analyzeText(`${lines.join('\n')}\n`);
    const wrapped = await analyzeText(`${lines.map(wrap).join('\n')}\n`);
    expect(bare.clusters[0]?.title).toBe('WARNING in vmemmap_populate');
    expect(wrapped.stats.splats).toBe(bare.stats.splats);
    expect(wrapped.clusters.map((c) => [c.signature, c.count])).toEqual(bare.clusters.map((c) => [c.signature, c.count]));
    expect(wrapped.clusters[0]?.example.regs).toEqual(bare.clusters[0]?.example.regs);
    expect(wrapped.boots[0]?.release?.value).toBe(bare.boots[0]?.release?.value);
    const findings = (r: typeof bare) => r.clusters.flatMap((c) => c.vmemmap.map((v) => [v.physHull, v.layout?.era, v.diagnosis]));
    expect(findings(bare)).toHaveLength(1);
    expect(findings(wrapped)).toEqual(findings(bare));
  });
});
