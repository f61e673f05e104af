import { MAX_CLUSTERS } from '../../src/analyze/analyzer.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, gzipSync } from 'node:zlib';
import { processInput } from '../../src/triage/process-input.js';
import { severityCounts } from '../../src/triage/merge.js';
import type { InputContext } from '../../src/triage/input-context.js';
import type { InputTask } from '../../src/triage/input-task.js';
import { tarBuffer } from './fixture-tree.js';
import { zipBytes } from './zip-bytes.js';
import { descriptorsOpenOn } from '../_open-descriptors.js';
import { incompressibleText } from '../_incompressible-text.js';

const hasZip = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;

const SAMPLES = path.resolve(process.cwd(), 'samples/logs');
/** Splats of the storm sample copied into the vmemmap fixture. */
const SPLATS = 3;

const ctx: InputContext = { analyze: {}, maxBufferedZipBytes: 64 * 1024 * 1024, fileTimes: false };

/** Lines of a text whose every line ends in `\n`. */
const lineCount = (text: string) => text.split('\n').length - 1;
/** Splats of a text whose every splat opens with a `cut here` line (as in the samples). */
const cutHereCount = (text: string) => text.split('------------[ cut here ]------------').length - 1;

async function task(file: string, display = file): Promise<InputTask> {
  const st = await stat(file);
  return { path: file, display, rel: path.basename(file), sizeBytes: st.size, mtimeMs: st.mtimeMs };
}

/**
 * The boot preamble of the amdgpu storm sample (6.1, E3, 48-bit VA, 4K pages, memstart 0x80000000) and its first
 * `count` WARNING splats, each from its `cut here` line to its `end trace` line.
 */
function stormHead(sample: string, count: number): string {
  const lines = sample.split('\n');
  const ends = lines.flatMap((l, i) => (l.includes('---[ end trace') ? [i] : []));
  const last = ends[count - 1];
  if (last === undefined) throw new Error(`the sample has fewer than ${count} splats`);
  return `${lines.slice(0, last + 1).join('\n')}\n`;
}

/** x0 (start) and x1 (end) of each splat's register dump: the struct page range vmemmap_populate was given. */
function registerRanges(text: string): { start: bigint; end: bigint }[] {
  return [...text.matchAll(/x1 : ([0-9a-f]{16}) x0 : ([0-9a-f]{16})/g)].map((m) => ({ start: BigInt(`0x${m[2]}`), end: BigInt(`0x${m[1]}`) }));
}

const hex = (v: bigint) => `0x${v.toString(16)}`;

const NOTES = '# Logs of the nightly run\n\nEach WARNING or Oops is triaged; see the Linux version table below.\n\n| file | kernel |\n|---|---|\n| boot.log | 6.6.33 |\n';

describe('processInput', () => {
  let root: string;
  let vmemmapText: string;
  let bootText: string;
  const at = (name: string) => path.join(root, name);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'vmemwarn-process-input-'));
    vmemmapText = stormHead(await readFile(path.join(SAMPLES, 'e3-48-4k-amdgpu-populate-storm.log'), 'utf8'), SPLATS);
    bootText = await readFile(path.join(SAMPLES, 'plain-boot-6.6-unrelated-warning.log'), 'utf8');
    await writeFile(at('vmemmap.log'), vmemmapText);
    await writeFile(at('boot.log'), bootText);
    await writeFile(at('boot.log.gz'), gzipSync(Buffer.from(bootText)));
    await writeFile(at('empty.log'), '');
    // Notes beside the logs: kernel words ("WARNING", "Oops", "Linux version"), no kernel line.
    await writeFile(at('README.md'), NOTES);
    // A dmesg tail: printk times, no boot banner, no splat. A syslog of the kernel: its tag, no printk time.
    await writeFile(at('tail.log'), '[ 8101.123456] usb 1-1: new high-speed USB device number 3 using xhci-hcd\n[ 8101.301000] usb 1-1: New USB device found\n');
    await writeFile(at('kern.log'), 'May  1 10:00:00 host kernel: usb 1-1: new high-speed USB device number 3 using xhci-hcd\n');
    await writeFile(at('user.log'), 'May  1 10:00:00 host sshd[812]: Accepted publickey for ci\nMay  1 10:00:01 host cron[90]: (root) CMD (true)\n');
    await writeFile(at('docs.tar'), await tarBuffer([{ name: 'README.md', data: Buffer.from(NOTES) }, { name: 'boot.log', data: Buffer.from(bootText) }]));
    // An ELF header then zeros: the magic names it.
    await writeFile(at('program.bin'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]));
    // No magic, NULs in short runs (binary data): the control-byte share decides.
    await writeFile(at('nuls.dat'), Buffer.from('\0\0\0.'.repeat(75), 'latin1'));
    // Zero-filled, as a crash leaves a log file whose writes never reached the disk; then a boot appended to it.
    await writeFile(at('zeros.log'), Buffer.alloc(300));
    await writeFile(at('zero-head.log'), Buffer.concat([Buffer.alloc(9000), Buffer.from(bootText)]));
    await writeFile(at('empty.tar'), await tarBuffer([{ name: 'x/', type: 'directory' }]));
    await writeFile(at('empty.zip'), zipBytes([]));
    // A gzip header followed by garbage where the deflate data should be.
    await writeFile(at('bad.gz'), Buffer.concat([gzipSync(Buffer.from(bootText)).subarray(0, 10), Buffer.from('not deflate data '.repeat(16))]));
    await mkdir(at('a-directory'));
    await writeFile(at('logs.tar'), await tarBuffer([
      { name: 'x/', type: 'directory' },
      { name: 'x/vmemmap.log', data: Buffer.from(vmemmapText) },
      { name: 'x/boot.log.gz', data: gzipSync(Buffer.from(bootText)) },
      { name: 'x/link', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'x/elf', data: await readFile(at('program.bin')) },
      { name: '../up.log', data: Buffer.from(bootText) },
      { name: 'inner.tar', data: await tarBuffer([{ name: 'deeper.tar', data: await tarBuffer([{ name: 'deepest.log', data: Buffer.from(bootText) }]) }, { name: 'ok.log', data: Buffer.from(bootText) }]) },
    ]));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  describe('a log with a vmemmap_populate WARNING storm', () => {
    test('totals: one input, one log with splats, every line and byte, no problems', async () => {
      const summary = await processInput(await task(at('vmemmap.log')), ctx);
      expect(summary.totals).toEqual({
        inputs: 1, logs: 1, logsWithSplats: 1,
        bytes: Buffer.byteLength(vmemmapText), lines: lineCount(vmemmapText), splats: SPLATS,
        errors: 0, skipped: 0, notKernelLogs: 0, logsBySeverity: severityCounts('warning'),
      });
      expect(summary.issues).toEqual([]);
      expect(summary.interrupted).toBe(false);
    });

    test('one cluster holds every splat, named after the display name, with release, hardware and failOn', async () => {
      const summary = await processInput(await task(at('vmemmap.log'), 'shown/vmemmap.log'), ctx);
      const release = /Linux version (\S+)/.exec(vmemmapText)?.[1];
      const hardware = /Hardware name: (.+)/.exec(vmemmapText)?.[1];
      expect(summary.clusters).toHaveLength(1);
      expect(summary.clusters[0]).toMatchObject({
        kind: 'warning',
        title: 'WARNING in vmemmap_populate',
        count: SPLATS,
        logs: 1,
        releases: [release],
        hardware: [hardware],
        exampleLog: 'shown/vmemmap.log',
        known: false,
        failOn: ['any', 'vmemmap', 'warning'],
      });
      expect(summary.logs).toEqual([{
        name: 'shown/vmemmap.log', input: 'shown/vmemmap.log', bytes: Buffer.byteLength(vmemmapText), lines: lineCount(vmemmapText),
        splats: SPLATS, arch: 'arm64', clusters: [{ id: summary.clusters[0]?.id, count: SPLATS }],
      }]);
    });

    test('the vmemmap finding: every splat read, hulls from the registers, above the window', async () => {
      const summary = await processInput(await task(at('vmemmap.log')), ctx);
      const ranges = registerRanges(vmemmapText);
      expect(ranges).toHaveLength(SPLATS);
      const pageStart = ranges.reduce((m, r) => (r.start < m ? r.start : m), ranges[0]?.start ?? 0n);
      const pageEnd = ranges.reduce((m, r) => (r.end > m ? r.end : m), 0n);
      // E3 (5.11+), VA_BITS 48, 4K pages, sizeof(struct page) 64: VMEMMAP_SHIFT = 12 - 6 = 6,
      // VMEMMAP_START = -(1 << (48 - 6)), VMEMMAP_SIZE = (PAGE_END - PAGE_OFFSET) >> 6 = (1 << 47) >> 6.
      const vmemmapStart = (1n << 64n) - (1n << 42n);
      const vmemmapEnd = vmemmapStart + ((1n << 47n) >> 6n);
      expect(pageStart >= vmemmapEnd).toBe(true);
      // vmemmap = (struct page *)VMEMMAP_START - (memstart_addr >> PAGE_SHIFT); pfn = (page - vmemmap) / 64.
      const vmemmapBase = vmemmapStart - (0x8000_0000n >> 12n) * 64n;
      const pfn = (page: bigint) => (page - vmemmapBase) / 64n;
      expect(summary.clusters[0]?.vmemmap).toEqual([{
        op: 'populate',
        layout: 'E3 48-bit/4K',
        driver: 'amdgpu KFD SVM (kgd2kfd_init_zone_device)',
        logs: 1,
        splatCount: SPLATS,
        readCount: SPLATS,
        pageHull: { start: hex(pageStart), end: hex(pageEnd) },
        pfnHull: { start: hex(pfn(pageStart)), end: hex(pfn(pageEnd)) },
        physHull: { start: hex(pfn(pageStart) << 12n), end: hex(pfn(pageEnd) << 12n) },
        positions: ['above-window'],
      }]);
    });

    test('fileTimes: first and last seen are the file time when the log has no wall time', async () => {
      const t = await task(at('vmemmap.log'));
      const when = new Date(t.mtimeMs).toISOString();
      const withTimes = await processInput(t, { ...ctx, fileTimes: true });
      expect(withTimes.clusters[0]).toMatchObject({ firstSeen: when, lastSeen: when });
      const without = await processInput(t, ctx);
      expect(without.clusters[0]?.firstSeen).toBeUndefined();
    });

    // Found by a review: members of a tar took the archive's own time, the time it was packed (CI artefacts are
    // packed after the run), not the time the tar records for each.
    test('Found by a review: fileTimes of tar members are the times the tar records for them', async () => {
      const old = new Date('2020-05-05T10:00:00Z');
      const older = new Date('2019-01-02T03:04:05Z');
      await writeFile(at('members.tar'), await tarBuffer([
        { name: 'old.log', data: Buffer.from(vmemmapText), mtime: old },
        { name: 'boot.log', data: Buffer.from(bootText), mtime: older },
      ]));
      const t = await task(at('members.tar'));
      const summary = await processInput(t, { ...ctx, fileTimes: true });
      const seen = Object.fromEntries(summary.clusters.map((c) => [c.title, [c.firstSeen, c.lastSeen]]));
      expect(seen['WARNING in vmemmap_populate']).toEqual([old.toISOString(), old.toISOString()]);
      expect(seen['WARNING in clk_core_disable']).toEqual([older.toISOString(), older.toISOString()]);
      await rm(at('members.tar'));
    });

    // Found by a review of this session's own fixes: a reproducible tarball's 1970-01-01 (`--mtime=@0`), or a zip's DOS
    // date 0 (1979-11-30), had dated the member's clusters so.
    test('Found by a review: a member time before 1980 says no time: the member keeps the archive\'s', async () => {
      await writeFile(at('epoch.tar'), await tarBuffer([{ name: 'old.log', data: Buffer.from(vmemmapText), mtime: new Date(0) }]));
      const t = await task(at('epoch.tar'));
      const summary = await processInput(t, { ...ctx, fileTimes: true });
      const when = new Date(t.mtimeMs).toISOString();
      expect(summary.clusters[0]).toMatchObject({ firstSeen: when, lastSeen: when });
      await rm(at('epoch.tar'));
    });

    test('onBytes reports a running count that ends at the file size', async () => {
      const seen: number[] = [];
      await processInput(await task(at('vmemmap.log')), ctx, { onBytes: (n) => seen.push(n) });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).toEqual([...seen].sort((x, y) => x - y));
      expect(seen.at(-1)).toBe(Buffer.byteLength(vmemmapText));
    });

    test('an aborted signal: marked interrupted, no log summarized', async () => {
      const controller = new AbortController();
      controller.abort();
      const summary = await processInput(await task(at('vmemmap.log')), ctx, { signal: controller.signal });
      expect(summary.interrupted).toBe(true);
      expect(summary.totals.inputs).toBe(1);
      expect(summary.logs).toEqual([]);
      expect(summary.clusters).toEqual([]);
    });

    test('a stop before or during the read leaves no descriptor open once it returns (plain and gzip)', async () => {
      // Over the 1 MiB read in one piece, so the file is still open after the first read.
      const text = incompressibleText(2 * 1024 * 1024);
      await writeFile(at('big.log'), text);
      await writeFile(at('big.log.gz'), gzipSync(text));
      for (const file of [at('big.log'), at('big.log.gz')]) {
        const before = await processInput(await task(file), ctx, { signal: AbortSignal.abort() });
        expect(before.interrupted).toBe(true);
        expect(descriptorsOpenOn(file)).toBe(0);
        const controller = new AbortController();
        const during = await processInput(await task(file), ctx, { signal: controller.signal, onBytes: () => controller.abort() });
        expect(during.interrupted).toBe(true);
        expect(descriptorsOpenOn(file)).toBe(0);
      }
    });

    test('outDir: the log summary names its JSON and Markdown reports, written there', async () => {
      const outDir = at('out');
      await mkdir(outDir);
      const summary = await processInput(await task(at('vmemmap.log')), { ...ctx, outDir });
      const reports = summary.logs[0]?.reports;
      expect(reports?.json).toMatch(/\.json$/);
      expect(reports?.markdown).toMatch(/\.md$/);
      expect((await readdir(outDir)).sort()).toEqual([reports?.json, reports?.markdown].sort());
      await rm(outDir, { recursive: true });
    });
  });

  describe('a gzip-compressed log', () => {
    test('reads as the plain log does: same clusters, lines and bytes of the decompressed text', async () => {
      const gz = await processInput(await task(at('boot.log.gz')), ctx);
      const plain = await processInput(await task(at('boot.log')), ctx);
      // The sample has one WARNING splat (one `cut here` line), unrelated to vmemmap.
      const splats = cutHereCount(bootText);
      expect(gz.totals).toEqual({
        inputs: 1, logs: 1, logsWithSplats: 1, bytes: Buffer.byteLength(bootText), lines: lineCount(bootText), splats,
        errors: 0, skipped: 0, notKernelLogs: 0, logsBySeverity: severityCounts('warning'),
      });
      expect(gz.clusters).toHaveLength(1);
      expect(gz.clusters[0]).toMatchObject({
        kind: 'warning', title: 'WARNING in clk_core_disable', count: splats, vmemmap: [], failOn: ['any', 'warning'],
        exampleLog: at('boot.log.gz'),
      });
      expect(gz.logs.map((l) => l.name)).toEqual([at('boot.log.gz')]);
      expect(gz.clusters.map(({ exampleLog: _e, ...c }) => c)).toEqual(plain.clusters.map(({ exampleLog: _e, ...c }) => c));
    });

    test('over maxDecompressedBytes in its first chunk: an error issue, and the bytes up to the limit still count as a log', async () => {
      // The limit is below the sample's size, and zlib hands the whole small text over in one chunk: the first
      // `limit` bytes are read, then the error (as `analyze` does).
      const limit = 1000;
      expect(Buffer.byteLength(bootText)).toBeGreaterThan(limit);
      const summary = await processInput(await task(at('boot.log.gz')), { ...ctx, analyze: { maxDecompressedBytes: limit } });
      expect(summary.issues).toEqual([{ input: at('boot.log.gz'), severity: 'error',
        reason: `decompressed data exceeds the limit of ${limit} bytes (--max-decompressed; maxDecompressedBytes in the API)` }]);
      const lines = bootText.slice(0, limit).split('\n').length;
      expect(summary.totals).toEqual({ inputs: 1, logs: 1, logsWithSplats: 0, bytes: limit, lines, splats: 0, errors: 1, skipped: 0, notKernelLogs: 0, logsBySeverity: severityCounts() });
    });

    test('over maxDecompressedBytes part-way: an error issue, and what was read still counts as a log', async () => {
      const copies = 40;
      const big = bootText.repeat(copies);
      await writeFile(at('big.log.gz'), gzipSync(Buffer.from(big)));
      const limit = 64 * 1024;
      expect(Buffer.byteLength(big)).toBeGreaterThan(limit);
      const summary = await processInput(await task(at('big.log.gz')), { ...ctx, analyze: { maxDecompressedBytes: limit } });
      expect(summary.issues).toEqual([{ input: at('big.log.gz'), severity: 'error',
        reason: `decompressed data exceeds the limit of ${limit} bytes (--max-decompressed; maxDecompressedBytes in the API)` }]);
      expect(summary.totals).toMatchObject({ inputs: 1, logs: 1, logsWithSplats: 1, errors: 1, skipped: 0 });
      // At most the first `limit` bytes were read: no more lines or splats than they hold, and fewer than the whole.
      const head = Buffer.from(big).subarray(0, limit).toString('latin1');
      expect(summary.totals.bytes).toBeLessThanOrEqual(limit);
      // The line the read stopped in counts too (it was read, up to the cut): one more than the line breaks.
      expect(summary.totals.lines).toBeLessThanOrEqual(lineCount(head) + 1);
      expect(summary.totals.splats).toBeLessThanOrEqual(cutHereCount(head));
      expect(summary.totals.splats).toBeLessThan(copies);
    });

    test('corrupt deflate data: one error issue naming the input, no log', async () => {
      const summary = await processInput(await task(at('bad.gz')), ctx);
      expect(summary.issues).toEqual([{ input: at('bad.gz'), severity: 'error', reason: expect.stringMatching(/^corrupt gzip data \(/) }]);
      expect(summary.totals).toEqual({ inputs: 1, logs: 0, logsWithSplats: 0, bytes: 0, lines: 0, splats: 0, errors: 1, skipped: 0, notKernelLogs: 0, logsBySeverity: severityCounts() });
    });

    test('cut short: "truncated gzip data"', async () => {
      const gz = gzipSync(Buffer.from(bootText));
      // Drop the 8-byte trailer (CRC32 + size) and the end of the deflate stream.
      await writeFile(at('cut.gz'), gz.subarray(0, gz.length - 30));
      const summary = await processInput(await task(at('cut.gz')), ctx);
      expect(summary.issues).toEqual([{ input: at('cut.gz'), severity: 'error', reason: 'truncated gzip data' }]);
      expect(summary.totals.errors).toBe(1);
    });
  });

  test('a UTF-16LE log with a byte-order mark is read as text, not skipped as binary', async () => {
    await writeFile(at('boot-utf16.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bootText, 'utf16le')]));
    const utf16 = await processInput(await task(at('boot-utf16.log')), ctx);
    const plain = await processInput(await task(at('boot.log')), ctx);
    expect(utf16.issues).toEqual([]);
    expect(utf16.totals).toMatchObject({ logs: 1, lines: lineCount(bootText), splats: plain.totals.splats, skipped: 0 });
    expect(utf16.clusters.map((c) => [c.id, c.count])).toEqual(plain.clusters.map((c) => [c.id, c.count]));
  });

  test('splats counted but not clustered past the cluster cap are a warning; the log still counts them', async () => {
    // One free-text WARNING per kind, named in letters (signatures put NUM for digits), 5 kinds past the cap.
    const word = (n: number) => [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    const text = Array.from({ length: MAX_CLUSTERS + 5 }, (_, i) => `[    1.000000] WARNING: condition ${word(i)} broke\n`).join('');
    await writeFile(at('many-kinds.log'), text);
    const summary = await processInput(await task(at('many-kinds.log')), ctx);
    expect(summary.totals).toMatchObject({ splats: MAX_CLUSTERS + 5, errors: 0, skipped: 0 });
    expect(summary.issues).toEqual([{
      input: at('many-kinds.log'),
      severity: 'warning',
      reason: `5 splat(s) of kinds first seen after ${MAX_CLUSTERS} clusters are counted, not clustered`,
    }]);
  });

  // An audit found the empty file silent: in a CI archive it is a console that captured nothing.
  test('an empty file is one log of no lines and no splats, with a warning that it is empty', async () => {
    const summary = await processInput(await task(at('empty.log')), ctx);
    expect(summary.totals).toEqual({ inputs: 1, logs: 1, logsWithSplats: 0, bytes: 0, lines: 0, splats: 0, errors: 0, skipped: 0, notKernelLogs: 0, logsBySeverity: severityCounts() });
    expect(summary.logs).toEqual([{ name: at('empty.log'), input: at('empty.log'), bytes: 0, lines: 0, splats: 0, arch: expect.any(String), clusters: [] }]);
    expect(summary.clusters).toEqual([]);
    expect(summary.issues).toEqual([{ input: at('empty.log'), severity: 'warning', reason: 'empty input' }]);
  });

  describe('a text with no kernel line', () => {
    test('is not a log: a skipped issue that says why, counted apart, none of its lines or bytes in the totals', async () => {
      const summary = await processInput(await task(at('README.md')), ctx);
      const lines = NOTES.split('\n').length - 1;
      expect(summary.issues).toEqual([{ input: at('README.md'), severity: 'skipped',
        reason: `not a kernel log: no printk time, log level, kernel syslog tag, boot banner or kernel report in its ${lines} lines` }]);
      expect(summary.totals).toEqual({ inputs: 1, logs: 0, logsWithSplats: 0, bytes: 0, lines: 0, splats: 0, errors: 0, skipped: 1, notKernelLogs: 1, logsBySeverity: severityCounts() });
      expect(summary.logs).toEqual([]);
    });

    test('nor is a syslog of other programs only', async () => {
      const summary = await processInput(await task(at('user.log')), ctx);
      expect(summary.totals).toMatchObject({ logs: 0, skipped: 1, notKernelLogs: 1 });
    });

    test.each(['tail.log', 'kern.log'])('%s, a kernel log with no splat and no boot banner, is still a log', async (name) => {
      const summary = await processInput(await task(at(name)), ctx);
      expect(summary.totals).toMatchObject({ logs: 1, logsWithSplats: 0, skipped: 0, notKernelLogs: 0 });
      expect(summary.issues).toEqual([]);
    });

    test('a clean boot log with printk times is a log', async () => {
      // The sample's one WARNING cut out: a boot with no splat.
      const clean = bootText.split('\n').filter((l) => !/cut here|WARNING|end trace/.test(l)).slice(0, 40).join('\n');
      await writeFile(at('clean.log'), clean);
      const summary = await processInput(await task(at('clean.log')), ctx);
      expect(summary.totals).toMatchObject({ logs: 1, splats: 0, notKernelLogs: 0 });
    });

    test('an archive member: the notes are named and left out, the log beside them counts', async () => {
      const summary = await processInput(await task(at('docs.tar')), ctx);
      expect(summary.logs.map((l) => l.name)).toEqual([`${at('docs.tar')}:boot.log`]);
      expect(summary.issues).toEqual([expect.objectContaining({ input: `${at('docs.tar')}:README.md`, severity: 'skipped' })]);
      expect(summary.totals).toMatchObject({ inputs: 1, logs: 1, skipped: 1, notKernelLogs: 1 });
    });
  });

  test.each([
    ['program.bin', 'binary file (ELF executable)'],
    // Three NULs and a dot, 75 times: 225 control bytes of 300.
    ['nuls.dat', 'binary file (225 of the first 300 bytes are control bytes or NUL)'],
  ])('binary %s is skipped with the reason, not read as a log', async (name, reason) => {
    const summary = await processInput(await task(at(name)), ctx);
    expect(summary.issues).toEqual([{ input: at(name), severity: 'skipped', reason }]);
    expect(summary.totals).toEqual({ inputs: 1, logs: 0, logsWithSplats: 0, bytes: 0, lines: 0, splats: 0, errors: 0, skipped: 1, notKernelLogs: 0, logsBySeverity: severityCounts() });
    expect(summary.logs).toEqual([]);
  });

  // Such a file had been skipped as binary: the boot appended after the zeros, and its splats, were lost.
  test('a log that starts zero-filled is read: the splats after the zeros count', async () => {
    const summary = await processInput(await task(at('zero-head.log')), ctx);
    expect(summary.issues).toEqual([]);
    expect(summary.totals).toMatchObject({ logs: 1, splats: cutHereCount(bootText), skipped: 0 });
  });

  test('a zero-filled file is a log with a warning that says so, not a skipped binary', async () => {
    const summary = await processInput(await task(at('zeros.log')), ctx);
    expect(summary.totals).toMatchObject({ logs: 1, splats: 0, skipped: 0 });
    expect(summary.issues).toEqual([{ input: at('zeros.log'), severity: 'warning', reason: expect.stringMatching(/^input holds only NUL bytes \(zero-filled/) }]);
  });

  // They had been silent: in CI an empty archive is an upload that captured nothing, as an empty log is.
  test.each(['empty.tar', 'empty.zip'])('%s (no members but a directory, or none at all) is a warning', async (name) => {
    const summary = await processInput(await task(at(name)), ctx);
    expect(summary.totals).toMatchObject({ inputs: 1, logs: 0, errors: 0, skipped: 0 });
    expect(summary.issues).toEqual([{ input: at(name), severity: 'warning', reason: `${name.slice(-3)} archive holds no files` }]);
  });

  test.each([
    ['missing.log', 'no such file'],
    ['a-directory', 'is a directory'],
  ])('unopenable %s: one error issue with the reason, the input still counted', async (name, reason) => {
    const file = at(name);
    const t: InputTask = { path: file, display: file, rel: name, sizeBytes: 0, mtimeMs: 0 };
    const summary = await processInput(t, ctx);
    expect(summary.issues).toEqual([{ input: file, severity: 'error', reason }]);
    expect(summary.totals).toEqual({ inputs: 1, logs: 0, logsWithSplats: 0, bytes: 0, lines: 0, splats: 0, errors: 1, skipped: 0, notKernelLogs: 0, logsBySeverity: severityCounts() });
  });

  describe('a tar archive', () => {
    let summary: Awaited<ReturnType<typeof processInput>>;
    const member = (name: string) => `${at('logs.tar')}:${name}`;

    beforeAll(async () => {
      summary = await processInput(await task(at('logs.tar')), ctx);
    });

    test('each file member is one log named archive:member; directories are not logs', () => {
      // x/vmemmap.log, x/boot.log.gz (gunzipped), ../up.log, and inner.tar's ok.log (one level of nesting is read).
      expect(summary.logs.map((l) => l.name)).toEqual([member('../up.log'), member('inner.tar:ok.log'), member('x/boot.log.gz'), member('x/vmemmap.log')]);
      expect(summary.logs.every((l) => l.input === at('logs.tar'))).toBe(true);
      expect(summary.totals.inputs).toBe(1);
    });

    test('splats and clusters add up over the members', () => {
      const bootSplats = cutHereCount(bootText);
      // Three members hold the boot log, one the vmemmap fixture.
      expect(summary.totals.splats).toBe(3 * bootSplats + SPLATS);
      expect(summary.totals.logsWithSplats).toBe(4);
      const vmemmapCluster = summary.clusters.find((c) => c.title === 'WARNING in vmemmap_populate');
      expect(vmemmapCluster).toMatchObject({ count: SPLATS, logs: 1, exampleLog: member('x/vmemmap.log') });
      const clkCluster = summary.clusters.find((c) => c.title === 'WARNING in clk_core_disable');
      // First by name of the three logs holding it: '../up.log' < 'inner.tar:ok.log' < 'x/boot.log.gz'.
      expect(clkCluster).toMatchObject({ count: 3 * bootSplats, logs: 3, exampleLog: member('../up.log') });
      expect(summary.clusters).toHaveLength(2);
    });

    test('problems: symlink, binary and too-deep members skipped, a climbing name warned about', () => {
      expect(summary.issues).toEqual([
        { input: member('../up.log'), severity: 'warning', reason: 'member name climbs out of the archive (`..`); read in memory only, never written' },
        { input: member('inner.tar:deeper.tar'), severity: 'skipped', reason: 'tar archive nested more than one level deep' },
        { input: member('x/elf'), severity: 'skipped', reason: 'binary file (ELF executable)' },
        { input: member('x/link'), severity: 'skipped', reason: 'symlink member -> /etc/passwd (links are never followed)' },
      ]);
      // Warnings count as neither errors nor skips.
      expect(summary.totals).toMatchObject({ errors: 0, skipped: 3 });
    });
  });

  test('a truncated tar: the complete member is a log; the cut one is a log of what came before the cut, and an error', async () => {
    const first = Buffer.from(bootText);
    const tar = await tarBuffer([{ name: 'first.log', data: first }, { name: 'second.log', data: Buffer.from(vmemmapText) }]);
    // Header 1 (512) + first.log padded to whole 512-byte blocks + header 2 (512) + 100 bytes of second.log.
    const cut = 512 + Math.ceil(first.length / 512) * 512 + 512 + 100;
    await writeFile(at('truncated.tar'), tar.subarray(0, cut));
    const summary = await processInput(await task(at('truncated.tar')), ctx);
    expect(summary.logs.map((l) => l.name)).toEqual([`${at('truncated.tar')}:first.log`, `${at('truncated.tar')}:second.log`]);
    // The 100 bytes of second.log that the archive holds are read as a log (as a cut .gz is); the member and the
    // archive are both errors.
    expect(summary.logs[1]?.bytes).toBe(100);
    expect(summary.issues).toEqual([
      { input: at('truncated.tar'), severity: 'error', reason: expect.stringMatching(/^corrupt or truncated tar archive: /) },
      { input: `${at('truncated.tar')}:second.log`, severity: 'error', reason: 'cut short, analyzed up to the cut: Unexpected end of data' },
    ]);
    expect(summary.totals).toMatchObject({ inputs: 1, logs: 2, splats: cutHereCount(bootText), errors: 2 });
    // Its 100 bytes are the sample's comment line, no kernel line: read in part, it is judged no text but a log.
    expect(vmemmapText.slice(0, 100)).not.toContain('\n');
    expect(summary.totals.notKernelLogs).toBe(0);
  });

  // Found by a review: a zip cut short gave yauzl's own words (`Invalid comment length. Expected: 30745. Found: 0. Are
  // there extra bytes…`), which never say truncated, where a tar's error says `corrupt or truncated tar archive: …`.
  test.each([
    // The end of central directory record is 22 bytes (APPNOTE 4.3.16): cut inside it, and before it.
    ['inside its end record', 10],
    ['before its end record', 40],
  ])('Found by a review: a zip cut %s is a corrupt or truncated zip archive', async (_name, cutBytes) => {
    const zip = zipBytes([{ name: 'a.log', data: Buffer.from(bootText) }]);
    await writeFile(at('cut.zip'), zip.subarray(0, zip.length - cutBytes));
    const summary = await processInput(await task(at('cut.zip')), ctx);
    expect(summary.issues).toEqual([{ input: at('cut.zip'), severity: 'error', reason: expect.stringMatching(/^corrupt or truncated zip archive: /) }]);
  });

  (hasZip ? test : test.skip)('a zip member in a method yauzl cannot read is skipped, the others read', async () => {
    // `zip -Z bzip2` stores a.log with method 12; b.log is deflated (8).
    const dir = at('zip-src');
    await mkdir(dir);
    await writeFile(path.join(dir, 'a.log'), bootText);
    await writeFile(path.join(dir, 'b.log'), bootText);
    execFileSync('zip', ['-q', '-Z', 'bzip2', at('mixed.zip'), 'a.log'], { cwd: dir });
    execFileSync('zip', ['-q', at('mixed.zip'), 'b.log'], { cwd: dir });
    const summary = await processInput(await task(at('mixed.zip')), ctx);
    expect(summary.issues).toEqual([{ input: `${at('mixed.zip')}:a.log`, severity: 'skipped',
      reason: 'zip compression method 12 is not supported (stored and deflate are)' }]);
    expect(summary.logs.map((l) => l.name)).toEqual([`${at('mixed.zip')}:b.log`]);
    expect(summary.totals).toMatchObject({ logs: 1, skipped: 1, errors: 0, lines: lineCount(bootText) });
  });

  describe('archive members and --out', () => {
    test('two members of one name get a report each (the member\'s position is part of the file name hash)', async () => {
      const tar = await tarBuffer([{ name: 'same.log', data: Buffer.from(vmemmapText) }, { name: 'same.log', data: Buffer.from(bootText) }]);
      await writeFile(at('dup.tar'), tar);
      const outDir = at('out-dup');
      await mkdir(outDir);
      const summary = await processInput(await task(at('dup.tar')), { ...ctx, outDir });
      const reports = summary.logs.map((l) => l.reports?.json);
      expect(reports).toHaveLength(2);
      expect(new Set(reports).size).toBe(2);
      expect((await readdir(outDir)).length).toBe(4);
    });

    test('a report that cannot be written is an error issue, and the log still counts', async () => {
      const outDir = at('out-blocked');
      await mkdir(outDir);
      const first = await processInput(await task(at('vmemmap.log')), { ...ctx, outDir: at('out-probe') });
      // A directory where the report file would go.
      await mkdir(path.join(outDir, first.logs[0]!.reports!.json));
      const summary = await processInput(await task(at('vmemmap.log')), { ...ctx, outDir });
      expect(summary.logs).toHaveLength(1);
      expect(summary.totals).toMatchObject({ logs: 1, splats: SPLATS, errors: 1 });
      expect(summary.issues).toEqual([
        { input: at('vmemmap.log'), severity: 'error', reason: expect.stringMatching(new RegExp(`^--out ${outDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: cannot write this log's report: `)) },
      ]);
    });

    test('--max-decompressed does not cut a tar member: its bytes are stored, not decompressed', async () => {
      const big = bootText.repeat(40);
      await writeFile(at('big.tar'), await tarBuffer([{ name: 'big.log', data: Buffer.from(big) }]));
      const limit = 64 * 1024;
      expect(Buffer.byteLength(big)).toBeGreaterThan(limit);
      const summary = await processInput(await task(at('big.tar')), { ...ctx, analyze: { maxDecompressedBytes: limit } });
      expect(summary.issues).toEqual([]);
      expect(summary.totals).toMatchObject({ logs: 1, bytes: Buffer.byteLength(big), errors: 0 });
    });
  });
  // Found by a review of triage on hostile archives: the limit had applied to each member, so a 0.9 MB zip of 30
  // entries pointing at one 100 MB member was read as 3 GB, and three 10 MiB members passed a 20 MiB limit.
  describe('--max-decompressed is one budget per input, and zip entries cannot share data', () => {
    const over = (limit: number) => `decompressed data exceeds the limit of ${limit} bytes (--max-decompressed; maxDecompressedBytes in the API)`;
    test('deflated zip members draw on the archive\'s one limit; the members after it are not read, said once', async () => {
      const chunk = Buffer.from(bootText.repeat(8));
      const zip = zipBytes(['m1.log', 'm2.log', 'm3.log', 'm4.log'].map((name) => ({ name, data: chunk, deflate: true })));
      await writeFile(at('three.zip'), zip);
      const limit = Math.floor(chunk.length * 2.5);
      const summary = await processInput(await task(at('three.zip')), { ...ctx, analyze: { maxDecompressedBytes: limit } });
      const name = (m: string) => `${at('three.zip')}:${m}`;
      expect(summary.logs.map((l) => l.name)).toEqual([name('m1.log'), name('m2.log'), name('m3.log')]);
      expect(summary.totals.bytes).toBe(limit);
      expect(summary.issues).toEqual([
        { input: at('three.zip'), severity: 'error', reason: `${over(limit)}; after it, 1 member that needed decompressing was not read` },
        { input: name('m3.log'), severity: 'error', reason: over(limit) },
      ]);
    });

    test('gzip members of a plain tar draw on it too', async () => {
      const gz = gzipSync(Buffer.from(bootText.repeat(8)));
      await writeFile(at('gz-members.tar'), await tarBuffer([{ name: 'a.log.gz', data: gz }, { name: 'b.log.gz', data: gz }]));
      const limit = Math.floor(Buffer.byteLength(bootText) * 12);
      const summary = await processInput(await task(at('gz-members.tar')), { ...ctx, analyze: { maxDecompressedBytes: limit } });
      expect(summary.totals.bytes).toBe(limit);
      expect(summary.issues.map((i) => [i.input, i.severity])).toEqual([[`${at('gz-members.tar')}:b.log.gz`, 'error']]);
    });

    // Found by a review of the budget: plain members after it had gone unread, and a tar.gz of .gz logs counted each
    // log's compressed bytes twice (in the tar's stream and in its own decompression).
    test('once the budget is used up, plain members are still read; each byte is counted once', async () => {
      const text = Buffer.from(bootText.repeat(8));
      await writeFile(at('mix.tar'), await tarBuffer([{ name: '0-big.log.gz', data: gzipSync(Buffer.concat([text, text])) }, { name: '1.log', data: text }, { name: '2.log.gz', data: gzipSync(text) }, { name: '3.log', data: text }]));
      const limit = text.length;
      const mixed = await processInput(await task(at('mix.tar')), { ...ctx, analyze: { maxDecompressedBytes: limit } });
      expect(mixed.logs.map((l) => l.name.split(':').at(-1))).toEqual(['0-big.log.gz', '1.log', '3.log']);
      expect(mixed.issues.map((i) => [i.input.split('/').at(-1), i.reason])).toEqual([
        ['mix.tar', `${over(limit)}; after it, 1 member that needed decompressing was not read`],
        ['mix.tar:0-big.log.gz', over(limit)],
      ]);
      const logs = [1, 2, 3].map((i) => ({ name: `${i}.log.gz`, data: gzipSync(text) }));
      await writeFile(at('gz-logs.tar.gz'), gzipSync(await tarBuffer(logs)));
      const whole = await processInput(await task(at('gz-logs.tar.gz')), { ...ctx, analyze: { maxDecompressedBytes: 3 * text.length } });
      expect(whole.issues).toEqual([]);
      expect(whole.totals).toMatchObject({ logs: 3, bytes: 3 * text.length });
    });

    // Found by a review: with inflation counted per member, zip members each holding a small .gz and then zeros
    // (gunzip reads trailing zeros as padding) inflated to the limit each, the total unbounded.
    test('inflating zip members draws on the shared limit, whatever their content gives the analysis', async () => {
      const limit = 1_000_000;
      const padded = Buffer.concat([gzipSync(Buffer.from(bootText)), Buffer.alloc(0.6 * limit)]);
      await writeFile(at('gz-zeros.zip'), zipBytes(['a', 'b', 'c', 'd'].map((n) => ({ name: `${n}.log.gz`, data: padded, deflate: true }))));
      const summary = await processInput(await task(at('gz-zeros.zip')), { ...ctx, analyze: { maxDecompressedBytes: limit } });
      expect(summary.issues.map((i) => [i.input.split('/').at(-1), i.reason])).toEqual([
        ['gz-zeros.zip', `${over(limit)}; after it, 2 members that needed decompressing were not read`],
        ['gz-zeros.zip:b.log.gz', over(limit)],
      ]);
    });

    test('a limit reached inside a tar.gz is said as the limit, not as a corrupt archive', async () => {
      const text = Buffer.from(bootText.repeat(8));
      await writeFile(at('limited.tar.gz'), gzipSync(await tarBuffer([{ name: 'a.log', data: text }, { name: 'b.log', data: text }])));
      const limit = Math.floor(text.length * 1.5);
      const summary = await processInput(await task(at('limited.tar.gz')), { ...ctx, analyze: { maxDecompressedBytes: limit } });
      expect(summary.issues).toEqual([{ input: at('limited.tar.gz'), severity: 'error', reason: `${over(limit)}; the rest of the archive was not read` }]);
    });

    // Found by a review: yauzl does not check CRC-32s, so a corrupt stored member was read as if it were sound.
    test('a zip member whose data does not match its CRC-32 is analyzed as read and reported corrupt', async () => {
      const data = Buffer.from(bootText);
      await writeFile(at('badcrc.zip'), zipBytes([{ name: 'ok.log', data }, { name: 'bad.log', data, crc: 0x1234 }]));
      const summary = await processInput(await task(at('badcrc.zip')), ctx);
      expect(summary.logs.map((l) => l.name)).toEqual([`${at('badcrc.zip')}:bad.log`, `${at('badcrc.zip')}:ok.log`]);
      expect(summary.issues).toEqual([{
        input: `${at('badcrc.zip')}:bad.log`,
        severity: 'error',
        reason: `corrupt zip member: its data has CRC-32 0x${(crc32(data) >>> 0).toString(16).padStart(8, '0')}, the archive says 0x00001234`,
      }]);
    });

    test('zip entries pointing at another member\'s data are skipped, the member itself read once', async () => {
      const data = Buffer.from(bootText);
      await writeFile(at('overlap.zip'), zipBytes([{ name: 'a.log', data, deflate: true }], [{ name: 'b.log', of: 'a.log' }, { name: 'c.log', of: 'a.log' }]));
      const summary = await processInput(await task(at('overlap.zip')), ctx);
      expect(summary.logs.map((l) => l.name)).toEqual([`${at('overlap.zip')}:a.log`]);
      const skipped = { severity: 'skipped', reason: "zip member whose data overlaps another member's (a zip bomb's trick)" };
      expect(summary.issues).toEqual([{ input: `${at('overlap.zip')}:b.log`, ...skipped }, { input: `${at('overlap.zip')}:c.log`, ...skipped }]);
    });
  });
});
