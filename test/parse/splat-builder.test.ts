import type { LogRecord } from '../../src/parse/types.js';
import { matchHeader } from '../../src/parse/formats.js';
import { SplatBuilder } from '../../src/parse/splat-builder.js';

const rec = (lineNo: number, text: string, ts = 10 + lineNo / 1000): LogRecord => ({ lineNo, text, ts });

function builderFor(header: string): SplatBuilder {
  const m = matchHeader(header);
  if (!m) throw new Error(header);
  return new SplatBuilder(m.format, m.match, rec(1, header), 0, [], 400);
}

/** The report of `header` (line 1) and `lines` (lines 2 on), closed. */
function splatOf(header: string, lines: readonly string[]) {
  const b = builderFor(header);
  lines.forEach((text, i) => b.add(rec(i + 2, text)));
  return b.finish();
}

describe('SplatBuilder', () => {
  test('before the trace every line is part of the report; after it only report lines', () => {
    const b = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    expect(b.classify(rec(2, 'anything at all'))).toBe('part');
    b.add(rec(3, 'Call trace:'));
    expect(b.state).toBe('trace');
    expect(b.classify(rec(4, 'between the header and the first frame'))).toBe('part');
    b.add(rec(5, ' f+0x1/0x2'));
    expect(b.classify(rec(6, ' g+0x1/0x2'))).toBe('part');
    expect(b.classify(rec(6, 'Code: d2800000 (d4210000)'))).toBe('part');
    expect(b.classify(rec(6, 'eth0: link up'))).toBe('between');
    for (let i = 0; i < 3; i += 1) b.skipInterleaved();
    expect(b.classify(rec(7, 'eth0: link up'))).toBe('end');
  });

  // Found by FUZZ_SEED=2 npm run fuzz (A + B): ` a` after a soft lockup's last frame had joined its trace as a frame
  // whose offset was cut off, which changed the cluster of A when B followed it.
  test('a lone indented name is a frame only in a trace of names, not after a frame with an offset', () => {
    const withOffsets = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    withOffsets.add(rec(2, 'Call trace:'));
    withOffsets.add(rec(3, ' vmemmap_populate+0x74/0x110'));
    expect(withOffsets.classify(rec(4, ' a'))).toBe('between');
    const names = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    names.add(rec(2, 'Call trace:'));
    expect(names.classify(rec(3, ' vmemmap_populate'))).toBe('part');
    names.add(rec(3, ' vmemmap_populate'));
    names.add(rec(4, ' __populate_section_memmap'));
    expect(names.finish().frames.map((f) => f.func)).toEqual(['vmemmap_populate', '__populate_section_memmap']);
  });

  // Found by a review of the reports: a console that fell behind in a storm prints `** N printk messages dropped **`
  // where it lost lines. In the middle of a trace that line had been taken for another CPU's message, so the frames
  // after it joined the trace as if it were whole.
  test('frames that follow dropped messages are marked as after a gap, in the body or mid-trace', () => {
    const inBody = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    inBody.add(rec(2, 'sp : ffff80000a4bb9b0'));
    expect(inBody.classify(rec(3, '** 17 printk messages dropped **'))).toBe('part');
    inBody.add(rec(3, '** 17 printk messages dropped **'));
    inBody.add(rec(4, ' devm_memremap_pages+0x30/0x90'));
    inBody.add(rec(5, ' kgd2kfd_init_zone_device+0xe0/0x1f0 [amdgpu]'));
    expect(inBody.finish().traceGaps).toEqual([4]);

    const midTrace = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    midTrace.add(rec(2, 'Call trace:'));
    midTrace.add(rec(3, ' vmemmap_populate+0x30/0x48'));
    expect(midTrace.classify(rec(4, '** 5 printk messages dropped **'))).toBe('part');
    midTrace.add(rec(4, '** 5 printk messages dropped **'));
    midTrace.add(rec(5, ' memremap_pages+0x18/0x28'));
    const s = midTrace.finish();
    expect(s.frames.map((f) => f.func)).toEqual(['vmemmap_populate', 'memremap_pages']);
    expect(s.traceGaps).toEqual([5]);
  });

  test('a `Call trace:` after the dropped messages starts a whole trace: no gap', () => {
    const b = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    b.add(rec(2, '** 3 printk messages dropped **'));
    b.add(rec(3, 'Call trace:'));
    b.add(rec(4, ' vmemmap_populate+0x30/0x48'));
    expect(b.finish().traceGaps).toBeUndefined();
  });

  // boot__clearfog-gt-8k: `systemd[1]: Created slice …` lines land between the register lines of a WARNING.
  test('user-space messages written to /dev/kmsg mid-report are never part of it', () => {
    const b = builderFor('WARNING: CPU: 2 PID: 35 at a.c:1 f+0x1/0x2 [mvpp2]');
    expect(b.classify(rec(2, 'systemd[1]: Created slice system-systemd\\x2dfsck.slice.'))).toBe('between');
    expect(b.classify(rec(3, 'x29: ffff8000118eb810 x28: ffff000133646e80'))).toBe('part');
  });

  test('a blank line in the tail is kept, but the report does not end on it', () => {
    const b = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    b.add(rec(2, 'Call trace:'));
    b.add(rec(3, ' f+0x1/0x2'));
    b.add(rec(4, '---[ end trace 0000000000000000 ]---'));
    expect(b.classify(rec(5, ''))).toBe('part');
    b.add(rec(5, ''));
    b.add(rec(6, ' \t'));
    expect(b.finish().lastLine).toBe(4);
  });

  test('a stamp more than a second back or a minute ahead ends the report', () => {
    const b = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    expect(b.classify(rec(2, 'x', 8.9))).toBe('end');
    expect(b.classify(rec(2, 'x', 71))).toBe('end');
    expect(b.classify(rec(2, 'x', 10.5))).toBe('part');
  });

  test('a report escalates once per kind', () => {
    const b = builderFor('Unable to handle kernel paging request at virtual address 0');
    const internal = matchHeader('Internal error: Oops: 96000004 [#1] SMP')!.format;
    const panic = matchHeader('Kernel panic - not syncing: Fatal exception')!.format;
    expect(b.canEscalate(internal)).toBe(true);
    b.escalate(rec(2, 'Internal error: Oops: 96000004 [#1] SMP'));
    expect(b.canEscalate(internal)).toBe(false);
    expect(b.canEscalate(panic)).toBe(true);
    expect(builderFor('Kernel panic - not syncing: VFS: Unable to mount root fs').canEscalate(panic)).toBe(false);
  });

  // Found by a review: an arm64 Oops opened by its `Internal error:` line (do_undefinstr's die()) had joined a
  // `scheduling while atomic` report of another CPU still open 5 s earlier, which took the Oops's title.
  test('a die() line escalates only a report the kernel dies of; a panic any report', () => {
    const internal = matchHeader('Internal error: Oops - Undefined instruction: 0000000002000000 [#1] PREEMPT SMP')!.format;
    const panic = matchHeader('Kernel panic - not syncing: softlockup: hung tasks')!.format;
    for (const header of ['BUG: scheduling while atomic: kworker/1:1/45/0x00000002', 'watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [foo:1]',
      'INFO: task foo:1 blocked for more than 120 seconds.', 'WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2']) {
      expect({ header, internal: builderFor(header).canEscalate(internal), panic: builderFor(header).canEscalate(panic) })
        .toEqual({ header, internal: false, panic: true });
    }
    // BUG() dies: `kernel BUG at` is followed by its `Internal error: Oops - BUG`.
    expect(builderFor('kernel BUG at lib/list_debug.c:56!').canEscalate(internal)).toBe(true);
    expect(builderFor('kernel BUG at mm/slub.c:12!').canEscalate(internal)).toBe(true);
  });

  test('`printk messages dropped` anywhere in a line, star-free look-alikes not, mark the report', () => {
    const lookAlike = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    lookAlike.add(rec(2, '* 3 printk messages dropped *'));
    expect(lookAlike.finish().corrupted).not.toMatch(/dropped/);
    const dropped = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    dropped.add(rec(2, 'x0 : 0 ** 3 printk messages dropped ** x1'));
    expect(dropped.finish().corrupted).toMatch(/printk messages dropped inside the report/);
  });

  test('`---[ end trace` closes the call trace; the same words elsewhere in a line do not', () => {
    const b = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    b.add(rec(2, 'Call trace:'));
    b.add(rec(3, ' f+0x1/0x2'));
    b.add(rec(4, 'x ---[ end trace 0000000000000000 ]---'));
    expect(b.state).toBe('trace');
    b.add(rec(5, '---[ end trace 0000000000000000 ]---'));
    expect(b.state).toBe('after');
  });

  test('lockdep titles take the first `at:` function that is not machinery', () => {
    const b = builderFor('WARNING: possible recursive locking detected');
    b.add(rec(2, ' #0: ffff0000 (&x->lock){+.+.}-{2:2}, at: lock_acquire+0x1/0x2'));
    b.add(rec(3, ' #1: ffff0000 (&y->lock){+.+.}-{2:2}, at: [<ffff000012345678>] foo_bar+0x10/0x20'));
    b.add(rec(4, 'Call trace:'));
    b.add(rec(5, ' g+0x1/0x2'));
    expect(b.finish().title).toBe('possible deadlock in foo_bar');
  });

  test('register rows are kept as lines and read in the first dump only, garbled ones by the general reader', () => {
    const b = builderFor('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2');
    expect(b.classify(rec(2, 'x1 : 0000000000000002 x0 : 0000000000000001'))).toBe('part');
    b.add(rec(2, 'x1 : 0000000000000002 x0 : 0000000000000001'));
    b.add(rec(3, 'x3 : 00000000000000zz x2 : 0000000000000003'));
    b.add(rec(4, 'Call trace:'));
    b.add(rec(5, ' f+0x1/0x2'));
    b.add(rec(6, '---[ end trace 0000000000000000 ]---'));
    expect(b.classify(rec(7, 'xfsd[12]: x1 : 00000000000000ff'))).toBe('between');
    b.add(rec(7, 'x1 : 00000000000000ff x4 : 0000000000000004'));
    const s = b.finish();
    expect([...s.regs]).toEqual([['x1', 2n], ['x0', 1n], ['x2', 3n]]);
    expect(s.lines.map((l) => l.lineNo)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.frames.map((f) => f.func)).toEqual(['f']);
    expect(s.corrupted).toContain('missing x3, x4');
  });

  test('the header sets the site; the first CPU line wins', () => {
    expect(splatOf('WARNING: CPU: 2 PID: 35 at drivers/net/m.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]', [
      'CPU: 2 PID: 35 Comm: kworker/2:1 Tainted: G            E     5.8.0-0.bpo.2-arm64 #1 Debian',
      'Call trace:',
      ' mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
      'CPU: 0 PID: 35 Comm: other Not tainted 9.9.9 #9',
    ])).toMatchObject({
      site: { file: 'drivers/net/m.c', line: 449, func: 'mvpp2_bm_bufs_free', off: 0x1a4n, size: 0x1c0n, module: 'mvpp2' },
      cpu: 2,
      comm: 'kworker/2:1',
      taint: { flags: ['UNSIGNED_MODULE'] },
      release: '5.8.0-0.bpo.2-arm64',
      build: '1',
    });
  });

  // Found by a review: two CPUs that WARN at once, on a console without printk caller ids, print their reports line
  // by line into each other. The report of PID 200 had taken PID 100's CPU line (its comm) and PID 100's x0/x1, and
  // the vmemmap finding PID 100's struct pages at high confidence.
  describe('Found by a review: another task printing into the report before its call trace', () => {
    test('a CPU line of another PID gives no CPU, PID or comm, and the registers are not kept', () => {
      const s = splatOf('WARNING: CPU: 3 PID: 200 at arch/arm64/mm/mmu.c:1162 vmemmap_populate+0x30/0x48', [
        'CPU: 1 PID: 100 Comm: hmm-a Not tainted 6.1.0 #1',
        'CPU: 3 PID: 200 Comm: hmm-b Not tainted 6.1.0 #1',
        'x1 : fffffffffde00000 x0 : fffffffffdc00000',
        'Call trace:',
        ' vmemmap_populate+0x30/0x48',
      ]);
      expect(s).toMatchObject({ pid: 200, cpu: 3, comm: 'hmm-b', release: '6.1.0' });
      expect(s.corrupted).toContain("another report's lines printed into this one (a CPU line of PID 100 in the report of PID 200): its registers are not read");
      expect(s.regs.size).toBe(0);
    });

    test.each([
      ['arm64 rows', 'x1 : fffffffffde00000 x0 : fffffffffdc00000', 'x1 : fffffbfff0200000 x0 : fffffbfff0000000'],
      ['the general reader', 'r1 : fffffffffde00000 r0 : fffffffffdc00000', 'r1 : fffffbfff0200000 r0 : fffffbfff0000000'],
    ])('two values of one register (%s) are two dumps: none is kept', (_, first, second) => {
      const s = splatOf('WARNING: CPU: 1 PID: 100 at arch/arm64/mm/mmu.c:1162 vmemmap_populate+0x30/0x48', [
        first,
        second,
        'Call trace:',
        ' vmemmap_populate+0x30/0x48',
      ]);
      const name = first.slice(0, 2);
      expect(s.corrupted).toContain(`another report's lines printed into this one (two values of ${name} (0xfffffffffde00000 and 0xfffffbfff0200000)): its registers are not read`);
      expect(s.regs.size).toBe(0);
    });

    test('the same values twice, and dumps after the call trace, are no sign of it', () => {
      const s = splatOf('WARNING: CPU: 1 PID: 100 at arch/arm64/mm/mmu.c:1162 vmemmap_populate+0x30/0x48', [
        'x1 : fffffffffde00000 x0 : fffffffffdc00000',
        'x1 : fffffffffde00000 x0 : fffffffffdc00000',
        'Call trace:',
        ' vmemmap_populate+0x30/0x48',
        '---[ end trace 0000000000000000 ]---',
        'CPU: 0 PID: 7 Comm: other Not tainted 6.1.0 #1',
        'x1 : 0000000000000001 x0 : 0000000000000002',
      ]);
      expect(s.corrupted ?? '').not.toContain('another report');
      expect([...s.regs]).toEqual([['x1', 0xfffffffffde00000n], ['x0', 0xfffffffffdc00000n]]);
    });

    test('reports of several tasks (a hung task and khungtaskd) are not read so', () => {
      const s = splatOf('INFO: task kworker/u16:2:123 blocked for more than 120 seconds.', [
        'CPU: 0 PID: 40 Comm: khungtaskd Not tainted 6.6.0 #1',
        'Call trace:',
        ' schedule+0x30/0x48',
      ]);
      expect(s.corrupted ?? '').not.toContain('another report');
      expect(s.release).toBe('6.6.0');
    });
  });
});

// A mailed report followed by prose (lkml.indiana.edu, 2023): the example listed the prose's blank lines as its own.
test('blank lines taken after the last line of text are not kept in the report', () => {
  const b = builderFor('WARNING: CPU: 1 PID: 7 at mm/foo.c:10 foo_bar+0x10/0x20');
  for (const [n, text] of [[2, 'Call trace:'], [3, ' foo_bar+0x10/0x20'], [4, ''], [5, '   '], [6, '']] as const) b.add(rec(n, text));
  const s = b.finish();
  expect([s.lastLine, s.lines.map((l) => l.lineNo)]).toEqual([3, [1, 2, 3]]);
});

test('a blank line inside the report stays', () => {
  const b = builderFor('WARNING: CPU: 1 PID: 7 at mm/foo.c:10 foo_bar+0x10/0x20');
  for (const [n, text] of [[2, ''], [3, 'Call trace:'], [4, ' foo_bar+0x10/0x20']] as const) b.add(rec(n, text));
  expect(b.finish().lines.map((l) => l.lineNo)).toEqual([1, 2, 3, 4]);
});

// An adversarial review: a riscv WARNING's trace (no `Call Trace:` line, after the CPU line and the registers) must
// survive a `Call Trace:` that follows, where frame-shaped lines before the CPU line (lockdep's irq stamps cut to
// their frames in a mail) give way to it.
test('frames before the CPU line give way to a Call trace; a trace after it does not', () => {
  const riscv = builderFor('WARNING: CPU: 1 PID: 4090 at drivers/foo/foo.c:16 foo_work+0x44/0x5c');
  riscv.add(rec(2, 'CPU: 1 PID: 4090 Comm: kworker/1:1 Not tainted 6.6.0 #18'));
  riscv.add(rec(3, 'status: 0000000000000120 badaddr: 0000000000000000 cause: 0000000000000003'));
  riscv.add(rec(4, '[<ffffffe000207654>] foo_work+0x44/0x5c'));
  riscv.add(rec(5, '[<ffffffe000207700>] process_one_work+0x100/0x300'));
  riscv.add(rec(6, 'Call Trace:'));
  riscv.add(rec(7, '[<ffffffe00020383c>] dump_backtrace+0x0/0xaa'));
  expect(riscv.finish().frames.map((f) => f.func)).toEqual(['foo_work', 'process_one_work']);

  const mailed = builderFor('BUG: sleeping function called from invalid context at kernel/locking/mutex.c:591');
  mailed.add(rec(2, 'irq event stamp: 97058'));
  mailed.add(rec(3, 'ktime_get+0x130/0x180'));
  mailed.add(rec(4, 'CPU: 1 PID: 12 Comm: kworker/u24:0 Not tainted 6.19.0 #591'));
  mailed.add(rec(5, 'Call trace:'));
  mailed.add(rec(6, ' demo_setting+0x9c/0x180'));
  expect(mailed.finish().frames.map((f) => f.func)).toEqual(['demo_setting']);
});
