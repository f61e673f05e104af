import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/api.js';
import { LogAnalyzer, MAX_CLUSTERS } from '../../src/analyze/analyzer.js';
import { DETAILED_BOOTS, LISTED_BOOTS } from '../../src/parse/boot-facts.js';
import { MAX_VMEMMAP_BOOTS } from '../../src/analyze/cluster-accumulator.js';
import { interleavedHostsNote, isInformationalNote } from '../../src/analyze/analysis-notes.js';
import { asSyslogOf, twoHostSyslog } from '../regressions/_e4-sample.js';
import { UsageError } from '../../src/errors.js';

const sample = (name: string) => readFileSync(path.resolve(process.cwd(), 'samples/logs', name), 'utf8');

describe('LogAnalyzer over many boots (a reboot loop captured in one log)', () => {
  test('boots past the detailed ones keep their release only, and a warning says how many', async () => {
    const boots = DETAILED_BOOTS + 6;
    const result = await analyzeText(sample('plain-boot-6.6-unrelated-warning.log').repeat(boots));
    expect(result.boots).toHaveLength(boots);
    // At the end every boot past the detailed ones that no finding reads is slimmed, the newest two too.
    expect(result.warnings).toContain(`${boots - DETAILED_BOOTS} boot(s) after the first ${DETAILED_BOOTS} kept only their release: no vmemmap finding reads their other facts`);
    expect(result.clusters[0]!.count).toBe(boots);
  });

  test('past LISTED_BOOTS boots are counted in stats, listed only when read; the report says so', async () => {
    const boots = LISTED_BOOTS + 5;
    const result = await analyzeText('[    0.000000] Linux version 6.6.0 (u@h) (gcc 13) #1 SMP\n'.repeat(boots));
    expect(result.stats.boots).toBe(boots);
    expect(result.boots).toHaveLength(LISTED_BOOTS + 1);
    expect(result.boots.at(-1)!.index).toBe(boots - 1);
    expect(result.warnings).toContain(`4 boot(s) after the first ${LISTED_BOOTS} are counted, not listed: no vmemmap finding reads them`);
  });

  test('a report with a caller id, open when its kernel rebooted past LISTED_BOOTS, keeps its boot and release', async () => {
    // The review's ev.txt: the report waited for its task to print again, boots later, while its boot was unlisted.
    const lines = sample('e4-48-4k-amdgpu-6.10-warn-then-oops.log').split('\n');
    const start = lines.findIndex((l) => l.includes('cut here'));
    const end = lines.findIndex((l, i) => i > start && l.includes('end trace'));
    const report = lines.slice(start, end).map((l) => l.replace(/^\[\s*([\d.]+)\]/, '[$1][ T1311]'));
    const at = LISTED_BOOTS + 50;
    const log = Array.from({ length: LISTED_BOOTS + 60 }, (_, b) => [
      '[    0.000000][    T0] Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]',
      `[    0.000000][    T0] Linux version 6.10.${b === at ? 0 : 99} (builder@buildhost) (gcc 13.2.0) #1 SMP PREEMPT`,
      ...(b === at ? report : []),
    ]).flat().join('\n');
    const result = await analyzeText(`${log}\n`);
    const finding = result.clusters.find((c) => c.vmemmap.length > 0)!;
    expect(finding.example.bootIndex).toBe(at);
    expect(result.boots.find((b) => b.index === at)?.release?.value).toBe('6.10.0');
    expect(finding.vmemmap[0]!.layout!.release?.value).toBe('6.10.0');
  });

  test('a storm in every boot: findings for the first MAX_VMEMMAP_BOOTS boots, the rest counted, and said so', async () => {
    const storm = sample('e3-48-4k-amdgpu-populate-storm.log');
    const perBoot = (await analyzeText(storm)).clusters[0]!.count;
    const boots = MAX_VMEMMAP_BOOTS + 3;
    const result = await analyzeText(storm.repeat(boots));
    const cluster = result.clusters.find((c) => c.vmemmap.length > 0)!;
    expect(cluster.count).toBe(perBoot * boots);
    expect(cluster.vmemmap).toHaveLength(MAX_VMEMMAP_BOOTS);
    expect(result.warnings).toContain(
      `${cluster.title}: ${perBoot * 3} splat(s) in boots after the first ${MAX_VMEMMAP_BOOTS} with such splats are counted, not analyzed`,
    );
    // Each finding's boot kept its facts: memstart came from the log, not a default.
    for (const f of cluster.vmemmap) expect(f.layout?.memstart.source.kind).toBe('log');
  });
});

describe('MAX_CLUSTERS: splats of kinds first seen past the cap are counted, not clustered', () => {
  /** `n` in letters: signatures put NUM for digits. */
  const word = (n: number) => [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
  /** One free-text WARNING per kind: a report of its header line alone, a cluster of its own title. */
  const warnings = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `[    1.000000] WARNING: condition ${word(from + i)} broke\n`).join('');

  test('the first MAX_CLUSTERS kinds are clusters; the rest count as splats, and a warning says how many', async () => {
    const result = await analyzeText(warnings(0, MAX_CLUSTERS + 7) + warnings(0, 3));
    expect(result.clusters).toHaveLength(MAX_CLUSTERS);
    expect(result.stats.splats).toBe(MAX_CLUSTERS + 10);
    expect(result.clusters.filter((c) => c.count === 2)).toHaveLength(3);
    expect(result.warnings).toContain(`7 splat(s) of kinds first seen after ${MAX_CLUSTERS} clusters are counted, not clustered`);
  });

  test('a later part that would take the clusters past the cap is not absorbed (the file is then read whole)', () => {
    const read = (text: string, from = 0) => {
      const a = new LogAnalyzer();
      text.split('\n').forEach((line, i) => line !== '' && a.pushLine(from + i + 1, line, false));
      return a;
    };
    // A part starts at a cut-here line (analyze/parts/), which is what lets it be taken in at all.
    const later = (count: number) => read(`[    1.000000] ------------[ cut here ]------------\n${warnings(MAX_CLUSTERS, count)}`, MAX_CLUSTERS);
    const early = read(warnings(0, MAX_CLUSTERS - 1));
    expect(early.absorb(structuredClone(later(2).part()))).toBe(false);
    expect(early.absorb(structuredClone(later(1).part()))).toBe(true);
    // Kinds the early part holds already are no new clusters, however many (a clone has lost the accumulators' class).
    const same = read(`[    1.000000] ------------[ cut here ]------------\n${warnings(0, MAX_CLUSTERS - 1)}`, MAX_CLUSTERS);
    expect(early.absorb(structuredClone(same.part()))).toBe(true);
  });
});

// Found by review: in the E4 sample the Oops cluster had its era from the version (medium) while the WARN cluster
// of the same boot had it from a register (high). One boot runs one layout.
describe('layout evidence is shared by the vmemmap findings of one boot', () => {
  test('the Oops after a WARN storm reads the WARN\'s registers and its largest call', async () => {
    const result = await analyzeText(sample('e4-48-4k-amdgpu-6.10-warn-then-oops.log'));
    const layouts = result.clusters.flatMap((c) => c.vmemmap.map((v) => ({ op: v.op, layout: v.layout! })));
    expect(layouts.map((l) => l.op).sort()).toEqual(['init-zone-device', 'populate']);
    for (const { layout } of layouts) {
      expect(layout.era).toMatchObject({ value: 'E4', confidence: 'high', source: { kind: 'register' } });
      expect(layout.sectionShift).toMatchObject({ value: 27, confidence: 'high' });
    }
  });

  test('findings of different boots do not share', async () => {
    // The Oops alone in a second boot: nothing lends it a register.
    const lines = sample('e4-48-4k-amdgpu-6.10-warn-then-oops.log').split('\n');
    const oopsOnly = [...lines.slice(0, 26), ...lines.slice(1786)].join('\n');
    const stormOnly = lines.slice(0, 1786).join('\n');
    const result = await analyzeText(`${stormOnly}\n${oopsOnly}\n`);
    const oops = result.clusters.flatMap((c) => c.vmemmap).find((v) => v.op === 'init-zone-device')!;
    expect(oops.layout!.era.source.kind).toBe('version-default');
  });
});

// Found by review: an empty input reported one boot.
test('an input without a line holds no boot, and its report passes the schema', async () => {
  const { buildReport } = await import('../../src/report/model.js');
  const { renderJson } = await import('../../src/report/render-json.js');
  const { validateReport } = await import('../../src/report/validate.js');
  const result = await analyzeText('');
  expect([result.stats.boots, result.boots]).toEqual([0, []]);
  expect(validateReport(JSON.parse(renderJson(buildReport([result])))).errors).toEqual([]);
  expect((await analyzeText('x\n')).stats.boots).toBe(1);
});

// Found by review: the pool of one boot's layout evidence held the first 8 findings; 8 Oops clusters, whose
// evidence is only their struct page, shut out a WARN storm's constant registers.
test('a WARN storm lends its registers to the Oopses of its boot, however many come first', async () => {
  const { readFile } = await import('node:fs/promises');
  const sample = (await readFile(new URL('../../samples/logs/e4-48-4k-amdgpu-6.10-warn-then-oops.log', import.meta.url), 'utf8')).split('\n');
  const firstCut = sample.findIndex((l) => l.includes('[ cut here ]'));
  const oopsStart = sample.findIndex((l) => l.includes('Unable to handle kernel paging request'));
  const oops = sample.slice(oopsStart).filter((l) => l !== '');
  // Eight Oopses of eight signatures (their second and third frames renamed), before the storm.
  const oopses = Array.from({ length: 8 }, (_, i) => oops.map((l) => l.replace('memmap_init_zone_device+', `memmap_init_zone_device${i}+`).replace('pagemap_range+', `pagemap_range${i}+`)));
  const text = [...sample.slice(0, firstCut), ...oopses.flat(), ...sample.slice(firstCut, oopsStart)].join('\n');
  const result = await analyzeText(`${text}\n`);
  const findings = result.clusters.flatMap((c) => c.vmemmap);
  expect(findings.filter((f) => f.op === 'init-zone-device')).toHaveLength(8);
  expect(findings.filter((f) => f.op === 'populate')).toHaveLength(1);
  for (const f of findings) expect(f.layout?.era.source.kind).toBe('register');
});

test('an x86 6.10+ `Oops: divide error` deep in a quiet log is titled by its fault; before 6.10 it is not read', async () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `[ ${(i / 1000).toFixed(6).padStart(11)}] usb 1-1: new device number ${i}\n`).join('');
  const report = (head: string) => [head, 'RIP: 0010:snd_hrtimer_callback+0x1bc/0x3c0', 'Call Trace:', ' <IRQ>',
    ' __hrtimer_run_queues+0x349/0xe10', ' hrtimer_interrupt+0x1d4/0x5f0', ' </IRQ>'].map((l) => `[  50.100000] ${l}\n`).join('');
  const result = await analyzeText(filler(20000) + report('Oops: divide error: 0000 [#1] PREEMPT SMP KASAN NOPTI') + filler(20000));
  expect(result.clusters.map((c) => [c.title, c.firstLine])).toEqual([['divide error in snd_hrtimer_callback', 20001]]);
  // Its words are no needles (README, Performance): the fast path and the plain one agree in skipping it.
  expect((await analyzeText(filler(20000) + report('divide error: 0000 [#1] SMP KASAN') + filler(20000))).clusters).toEqual([]);
});

test('a SLUB header, itself no prefilter trigger, is read after its `=====` rule deep in a quiet log', async () => {
  const filler = (n: number, what: string) =>
    Array.from({ length: n }, (_, i) => `[ ${(i / 1000).toFixed(6).padStart(11)}] ${what} 1-1: new device number ${i}\n`).join('');
  const slub = [
    '='.repeat(77),
    'BUG kmalloc-64 (Tainted: G    B            ): Object already free',
    '-'.repeat(77),
    '',
    'Call Trace:',
    ' dump_stack+0x8b/0xb0',
    ' free_debug_processing+0x1c4/0x250',
    ' kfree+0x2a0/0x2c0',
    ' foo_release+0x30/0x80',
    ' __fput+0xe4/0x250',
    'FIX kmalloc-64: Object at 0xffff88000abc0040 not freed',
  ].map((line) => `[  200.000000] ${line}\n`).join('');
  const result = await analyzeText(filler(20000, 'usb') + slub + filler(20000, 'pci'));
  expect(result.clusters.map((c) => [c.title, c.firstLine])).toEqual([['BUG: Object already free in foo_release', 20001]]);
});

test("a KASAN report deep in a quiet log becomes its boot's KASAN fact", async () => {
  const filler = Array.from({ length: 3000 }, (_, i) => `[   10.${String(100000 + i).slice(1)}] usb 1-1: ordinary line ${i}`);
  const report = [
    '==================================================================',
    'BUG: KASAN: slab-out-of-bounds in foo_read+0x30/0x80',
    'Read of size 8 at addr ffff0000c1234568 by task cat/100',
    '',
    'CPU: 1 PID: 100 Comm: cat Not tainted 6.1.0 #1',
    'Call trace:',
    ' dump_backtrace+0x0/0x1a4',
    ' kasan_report+0x104/0x200',
    ' foo_read+0x30/0x80',
    '',
    'Memory state around the buggy address:',
    ' ffff0000c1234480: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00',
    '>ffff0000c1234500: 00 00 00 00 00 00 00 00 00 00 00 00 00 fc fc fc',
    '==================================================================',
  ].map((l) => `[   20.000000] ${l}`);
  const log = ['[    0.000000] Linux version 6.1.0 (u@h) (gcc 13) #1 SMP', '[    0.000000] kasan: KernelAddressSanitizer initialized', ...filler, ...report].join('\n');
  const result = await analyzeText(`${log}\n`);
  expect(result.clusters.map((c) => c.kind)).toEqual(['kasan']);
  expect(result.boots[0]?.kasanReport).toMatchObject({ value: 'generic', lineNo: 2 + filler.length + 11, text: 'Memory state around the buggy address:' });
});

// Found by a review of the log formats: the kernel lines of several hosts in one syslog or journal file were read as
// one machine's, a report in the boot of whichever host booted last, and nothing said so.
describe('Found by a review: the kernel lines of several hosts', () => {
  test('interleaved: a warning names the hosts', async () => {
    const result = await analyzeText(twoHostSyslog(true));
    expect(result.warnings).toContain(interleavedHostsNote(['hostA', 'hostB']));
    expect(isInformationalNote(interleavedHostsNote(['hostA', 'hostB']))).toBe(false);
  });

  test('one host after the other, or one host: no warning', async () => {
    expect((await analyzeText(twoHostSyslog(false))).warnings).toEqual([]);
    expect((await analyzeText(`${asSyslogOf('hostA', 'e4-48-4k-amdgpu-6.10-warn-then-oops.log').map((r) => r.line).join('\n')}\n`)).warnings).toEqual([]);
  });
});

// Found by a review of the library API (an embedder's calls of LogAnalyzer.pushLine with wrong arguments): a text that
// is no string was a raw TypeError from inside the parser (mayNameTransferEncoding), and a line number that is no whole
// number, 0 or less, or not after the last one was taken as given (a storm numbered backwards had its cluster's first
// line at its last splat).
describe('Found by a review: pushLine refuses wrong arguments with a UsageError', () => {
  const refused = (call: (a: LogAnalyzer) => void): Error => {
    const a = new LogAnalyzer();
    a.pushLine(3, 'x', false);
    try {
      call(a);
    } catch (err) {
      return err as Error;
    }
    throw new Error('not refused');
  };
  test.each([
    ['a text of undefined', (a: LogAnalyzer) => a.pushLine(4, undefined as never, false), /^LogAnalyzer\.pushLine: text must be a string \(one line of the log\), not undefined$/],
    ['a Buffer for the text', (a: LogAnalyzer) => a.pushLine(4, Buffer.from('x') as never, false), /^LogAnalyzer\.pushLine: text must be a string .*, not an object/],
    ['truncated as a string', (a: LogAnalyzer) => a.pushLine(4, 'x', 'yes' as never), /^LogAnalyzer\.pushLine: truncated must be a boolean .*, not the string 'yes'$/],
    ['a line number as a string', (a: LogAnalyzer) => a.pushLine('4' as never, 'x', false), /^LogAnalyzer\.pushLine: lineNo must be a whole number of at least 1 .*, not the string '4'$/],
    ['line NaN', (a: LogAnalyzer) => a.pushLine(NaN, 'x', false), /lineNo must be a whole number of at least 1 .*, not the number NaN$/],
    ['line 4.5', (a: LogAnalyzer) => a.pushLine(4.5, 'x', false), /lineNo must be a whole number .*, not the number 4\.5$/],
    ['line 0', (a: LogAnalyzer) => a.pushLine(0, 'x', false), /lineNo must be a whole number of at least 1 .*, not the number 0$/],
    ['the same line again', (a: LogAnalyzer) => a.pushLine(3, 'x', false), /^LogAnalyzer\.pushLine: lineNo must come after the last line pushed, 3, not the number 3$/],
    ['an earlier line', (a: LogAnalyzer) => a.pushLine(2, 'x', false), /lineNo must come after the last line pushed, 3, not the number 2$/],
  ])('%s', (_what, call, message) => {
    const err = refused(call);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(message);
  });

  test('a refused line leaves the analyzer as it was: the next right line is taken', () => {
    const a = new LogAnalyzer();
    a.pushLine(3, 'x', false);
    expect(() => a.pushLine(2, 'y', false)).toThrow(UsageError);
    expect(a.lastLineNo).toBe(3);
    a.pushLine(7, 'z', false);
    expect(a.lastLineNo).toBe(7);
  });
});

// Found by a review of the library API: LogAnalyzer took lines after finish into the state finish had built its result
// from (a storm pushed again after finish gave 80 splats in 2 boots), finish and endInput read `stats` and `opts` of any
// kind (finish() and finish(stats, null) were raw TypeErrors, finish({}) a result without line or byte counts,
// { interrupted: 'yes' } taken as a read not stopped), and absorb of anything but a part was a raw TypeError.
describe('Found by a review: LogAnalyzer methods called out of order or with wrong arguments', () => {
  const STATS = { lines: 2, bytes: 20, truncatedLines: 0, encoding: 'utf-8' as const };
  const fed = (): LogAnalyzer => {
    const a = new LogAnalyzer();
    a.pushLine(1, '[    1.000000] WARNING: condition x broke', false);
    a.pushLine(2, '[    1.000000] a line', false);
    return a;
  };
  const finished = (): LogAnalyzer => {
    const a = fed();
    a.finish(STATS);
    return a;
  };
  const ended = (): LogAnalyzer => {
    const a = fed();
    a.endInput();
    return a;
  };

  test.each([
    ['pushLine after finish', () => finished().pushLine(3, 'x', false), /^LogAnalyzer\.pushLine: called after finish; a LogAnalyzer reads one log \(make a new one for the next\)$/],
    ['finish twice', () => finished().finish(STATS), /^LogAnalyzer\.finish: called after finish;/],
    ['endInput after finish', () => finished().endInput(), /^LogAnalyzer\.endInput: called after finish;/],
    ['absorb after finish', () => finished().absorb(fed().part()), /^LogAnalyzer\.absorb: called after finish;/],
    ['part after finish', () => finished().part(), /^LogAnalyzer\.part: called after finish;/],
    ['pushLine after endInput', () => ended().pushLine(3, 'x', false), /^LogAnalyzer\.pushLine: called after endInput, which closed the open reports and records at the end of the input$/],
    ['absorb after endInput', () => ended().absorb(fed().part()), /^LogAnalyzer\.absorb: called after endInput/],
    ['finish()', () => fed().finish(undefined as never), /^LogAnalyzer\.finish: stats must be the reader's FeedStats .*, not undefined$/],
    ['finish({})', () => fed().finish({} as never), /^LogAnalyzer\.finish: stats must be the reader's FeedStats .*, not an empty object$/],
    ['finish with lines as a string', () => fed().finish({ ...STATS, lines: '2' } as never), /^LogAnalyzer\.finish: stats must be/],
    ['finish with an unknown encoding', () => fed().finish({ ...STATS, encoding: 'latin1' } as never), /^LogAnalyzer\.finish: stats must be/],
    ['finish(stats, null)', () => fed().finish(STATS, null as never), /^LogAnalyzer\.finish: options must be an object, not null$/],
    ['finish(stats, { interrupted: "yes" })', () => fed().finish(STATS, { interrupted: 'yes' } as never), /^LogAnalyzer\.finish: interrupted must be a boolean, not the string 'yes'$/],
    ['finish(stats, { interupted: true })', () => fed().finish(STATS, { interupted: true } as never), /^LogAnalyzer\.finish: unknown option 'interupted' \(did you mean 'interrupted'\?\)$/],
    ['endInput("x")', () => fed().endInput('x' as never), /^LogAnalyzer\.endInput: options must be an object, not the string 'x'$/],
    ['absorb(undefined)', () => fed().absorb(undefined as never), /^LogAnalyzer\.absorb: later must be an analyzer's part \(another LogAnalyzer's part\(\)\), not undefined$/],
    ['absorb({})', () => fed().absorb({} as never), /^LogAnalyzer\.absorb: later must be an analyzer's part .*, not an empty object$/],
    ['absorb of a part with a cluster of junk', () => fed().absorb({ ...fed().part(), clusters: [{}] } as never), /^LogAnalyzer\.absorb: later must be an analyzer's part/],
  ])('%s is a UsageError', (_what, call, message) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });

  test('endInput, then part and finish, as a part read in a worker does: allowed', () => {
    const a = ended();
    expect(a.part().splatCount).toBe(1);
    expect(a.finish(STATS).stats.splats).toBe(1);
  });

  test('a structured clone of a part is still taken in', () => {
    const a = new LogAnalyzer();
    a.pushLine(1, '[    1.000000] a line', false);
    const later = new LogAnalyzer();
    later.pushLine(2, '[    1.000000] ------------[ cut here ]------------', false);
    later.pushLine(3, '[    1.000000] WARNING: condition x broke', false);
    later.endInput();
    expect(a.absorb(structuredClone(later.part()))).toBe(true);
    expect(a.finish({ ...STATS, lines: 3 }).clusters).toHaveLength(1);
  });
});

// Found by a review of the library API: every LogAnalyzer shares one triggers array (the reader builds its needle search
// once for it), and a caller that emptied it (`analyzer.triggers.length = 0`, which a JavaScript caller can write) made
// the reader skip every line for every later analyzer of the process: analyzeText found no splat.
test('Found by a review: the shared triggers cannot be changed by a caller', async () => {
  const triggers = new LogAnalyzer().triggers as string[];
  expect(() => {
    triggers.length = 0;
  }).toThrow(TypeError);
  expect(new LogAnalyzer().triggers.length).toBeGreaterThan(10);
  expect((await analyzeText(sample('e3-48-4k-amdgpu-populate-storm.log'))).clusters).toHaveLength(1);
});

// Found by a review of the library API: settledAt of a line number that is no number answered (false for LogAnalyzer
// and RecordAssembler, true for a Segmenter with no report open) rather than saying the call was wrong.
test.each([
  ['LogAnalyzer', () => new LogAnalyzer().settledAt('x' as never), /^LogAnalyzer\.settledAt: lineNo must be a whole number \(the last line read\), not the string 'x'$/],
  ['LogAnalyzer', () => new LogAnalyzer().settledAt(undefined as never), /^LogAnalyzer\.settledAt: lineNo must be a whole number .*, not undefined$/],
])('Found by a review: %s.settledAt of no line number is a UsageError', (_name, call, message) => {
  expect(call).toThrow(UsageError);
  expect(call).toThrow(message);
});

// Found by a review of the library API: absorb of the analyzer's own part (part() hands out its own boots and clusters)
// of a log that opens with a cut-here line was taken in, and every splat counted twice.
test('Found by a review: LogAnalyzer.absorb of its own part is a UsageError, and nothing is taken', () => {
  const lines = sample('e3-48-4k-amdgpu-populate-storm.log').split('\n');
  const fromCut = lines.slice(lines.findIndex((line) => line.includes('cut here')));
  const a = new LogAnalyzer();
  fromCut.forEach((line, i) => a.pushLine(i + 1, line, false));
  const call = () => a.absorb(a.part());
  expect(call).toThrow(UsageError);
  expect(call).toThrow(/^LogAnalyzer\.absorb: later is this analyzer's own part, whose splats would count twice$/);
  const result = a.finish({ lines: fromCut.length, bytes: 1, truncatedLines: 0, encoding: 'utf-8' });
  expect(result.clusters.map((c) => c.count)).toEqual([result.stats.splats]);
  expect(result.stats.boots).toBe(1);
});
