import { anySeen, runRange, seenRange, summaryHeadline, vmemmapLine, worstSplatLine } from '../../src/triage/summary-headline.js';
import { emptySummary } from '../../src/triage/merge.js';
import type { Summary, SummaryCluster, SummaryTotals, SummaryVmemmap } from '../../src/triage/summary-types.js';

function withTotals(totals: Partial<SummaryTotals>, interrupted = false): Summary {
  const s = emptySummary();
  s.totals = { ...s.totals, ...totals };
  s.interrupted = interrupted;
  return s;
}

describe('summaryHeadline', () => {
  test('plurals, MiB with one decimal, no problem part when there are none', () => {
    // 12.3 MiB: 12.3 * 1024 * 1024 = 12897484.8 bytes, rounded down.
    expect(summaryHeadline(withTotals({ inputs: 40, logs: 52, logsWithSplats: 9, bytes: 12_897_484, lines: 81_234, splats: 17 })))
      .toBe('40 inputs, 52 logs (9 with splats), 12.3 MiB, 81234 lines, 17 splats');
  });

  test('one of each is singular', () => {
    expect(summaryHeadline(withTotals({ inputs: 1, logs: 1, logsWithSplats: 1, bytes: 1024 * 1024, lines: 1, splats: 1, errors: 1, skipped: 1 })))
      .toBe('1 input, 1 log (1 with splats), 1.0 MiB, 1 line, 1 splat; 1 error, 1 skipped');
  });

  test('nothing at all', () => {
    expect(summaryHeadline(emptySummary())).toBe('0 inputs, 0 logs (0 with splats), 0.0 MiB, 0 lines, 0 splats');
  });

  test.each([
    [{ errors: 2 }, '; 2 errors'],
    [{ skipped: 3 }, '; 3 skipped'],
    [{ errors: 2, skipped: 3 }, '; 2 errors, 3 skipped'],
  ])('problems %j are listed after a semicolon', (totals, tail) => {
    expect(summaryHeadline(withTotals(totals))).toBe(`0 inputs, 0 logs (0 with splats), 0.0 MiB, 0 lines, 0 splats${tail}`);
  });

  // Found by an audit: warnings (a log past the cluster bound, an empty capture) showed only under Problems.
  test('warnings, which have no total, are counted from the problems, between errors and skipped', () => {
    const s = withTotals({ errors: 1, skipped: 1 });
    s.issues = [
      { input: 'a.log', severity: 'warning', reason: 'empty input' },
      { input: 'b.log', severity: 'warning', reason: 'input holds only whitespace' },
      { input: 'c.gz', severity: 'error', reason: 'unexpected end of file' },
      { input: 'd.bin', severity: 'skipped', reason: 'binary file' },
    ];
    expect(summaryHeadline(s)).toBe('0 inputs, 0 logs (0 with splats), 0.0 MiB, 0 lines, 0 splats; 1 error, 2 warnings, 1 skipped');
  });

  test('texts that are no kernel log are counted after the logs (and are among the skipped)', () => {
    expect(summaryHeadline(withTotals({ inputs: 3, logs: 2, logsWithSplats: 1, notKernelLogs: 1, skipped: 1 })))
      .toBe('3 inputs, 2 logs (1 with splats), 1 not a kernel log, 0.0 MiB, 0 lines, 0 splats; 1 skipped');
  });

  test('a shard run, or a merge of some shards, names them before an interruption', () => {
    const s = withTotals({}, true);
    s.shards = { count: 4, indices: [2] };
    expect(summaryHeadline(s)).toBe('0 inputs, 0 logs (0 with splats), 0.0 MiB, 0 lines, 0 splats — shard 2 of 4 — interrupted, partial results');
    s.shards = { count: 4, indices: [1, 3] };
    s.interrupted = false;
    expect(summaryHeadline(s)).toBe('0 inputs, 0 logs (0 with splats), 0.0 MiB, 0 lines, 0 splats — shards 1, 3 of 4');
  });

  // Found by a review of the CLI: what stopped a run was not said (JUnit and merge called every stop Ctrl-C).
  test('an interrupted run names what stopped it, when known', () => {
    const s = withTotals({}, true);
    s.interruptedBy = ['SIGTERM', 'SIGHUP'];
    expect(summaryHeadline(s)).toBe('0 inputs, 0 logs (0 with splats), 0.0 MiB, 0 lines, 0 splats — interrupted (SIGTERM and SIGHUP), partial results');
  });

  test('an interrupted run says so at the end', () => {
    expect(summaryHeadline(withTotals({ errors: 1 }, true)))
      .toBe('0 inputs, 0 logs (0 with splats), 0.0 MiB, 0 lines, 0 splats; 1 error — interrupted, partial results');
    expect(summaryHeadline(withTotals({}, true))).toBe('0 inputs, 0 logs (0 with splats), 0.0 MiB, 0 lines, 0 splats — interrupted, partial results');
  });
});

describe('worstSplatLine', () => {
  const by = (counts: Partial<SummaryTotals['logsBySeverity']>) =>
    withTotals({ logsBySeverity: { crash: 0, hang: 0, warning: 0, other: 0, ...counts } });

  test('each class with logs, most severe first, its kinds spelled as the KIND column does', () => {
    expect(worstSplatLine(by({ crash: 4, hang: 1, warning: 2, other: 3 }))).toBe(
      'logs by worst splat: 4 crash (panic/oops/bug/kasan/kfence), 1 hang (hung-task/rcu-stall/soft-lockup/hard-lockup/lockdep), ' +
      '2 warning (warning/ubsan), 3 other');
  });

  test('no log crashed is said; other empty classes are left out', () => {
    expect(worstSplatLine(by({ warning: 5 }))).toBe('logs by worst splat: 0 crash (panic/oops/bug/kasan/kfence), 5 warning (warning/ubsan)');
  });

  test('no line without a log that has a cluster', () => {
    expect(worstSplatLine(emptySummary())).toBeUndefined();
  });
});

describe('vmemmapLine', () => {
  const base: SummaryVmemmap = { op: 'populate', logs: 1, splatCount: 12, readCount: 10, positions: [] };

  test('counts only', () => {
    expect(vmemmapLine(base)).toBe('populate: 12 splats (10 read) in 1 log');
  });

  test('one splat is singular', () => {
    expect(vmemmapLine({ ...base, op: 'free', splatCount: 1, readCount: 0 })).toBe('free: 1 splat (0 read) in 1 log');
  });

  test('hulls in page, pfn, phys order, then the positions joined by /', () => {
    expect(vmemmapLine({
      ...base,
      physHull: { start: '0xffec0000000', end: '0xfff00000000' },
      pageHull: { start: '0xfffffffff9000000', end: '0xfffffffff9600000' },
      pfnHull: { start: '0xffec0000', end: '0xfff00000' },
      positions: ['above-window', 'wraps-to-user'],
    })).toBe('populate: 12 splats (10 read) in 1 log, struct page 0xfffffffff9000000-0xfffffffff9600000, pfn 0xffec0000-0xfff00000, ' +
      'phys 0xffec0000000-0xfff00000000, above-window/wraps-to-user');
  });

  test('a missing hull is left out', () => {
    expect(vmemmapLine({ ...base, pfnHull: { start: '0x10', end: '0x20' }, positions: ['inside'] })).toBe('populate: 12 splats (10 read) in 1 log, pfn 0x10-0x20, inside');
  });

  test('the driver follows the layout, and the logs are counted', () => {
    expect(vmemmapLine({ ...base, layout: 'E3 48-bit/4K', driver: 'nouveau dmem', logs: 3 })).toBe('populate (E3 48-bit/4K), nouveau dmem: 12 splats (10 read) in 3 logs');
  });
});

function cluster(over: Partial<SummaryCluster>): SummaryCluster {
  return { id: 'x', kind: 'warning', title: 't', signature: 's', count: 1, logs: 1, releases: [], hardware: [], exampleLog: 'a.log',
    known: false, failOn: [], vmemmap: [], ...over };
}

describe('seenRange', () => {
  test.each([
    [{}, '-'],
    [{ firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-01T10:00:00.000Z' }, '2024-05-01T10:00:00.000Z'],
    [{ firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-02T08:00:00.000Z' }, '2024-05-01T10:00:00.000Z .. 2024-05-02T08:00:00.000Z'],
  ])('%j → %s', (over, want) => {
    expect(seenRange(cluster(over))).toBe(want);
  });
});

describe('anySeen', () => {
  test('true when one cluster has a wall time, false when none has', () => {
    expect(anySeen([cluster({}), cluster({ firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-01T10:00:00.000Z' })])).toBe(true);
    expect(anySeen([cluster({}), cluster({})])).toBe(false);
  });
});

describe('runRange', () => {
  test.each([
    [undefined, ''],
    [{ firstRun: 3, lastRun: 3, isNew: true }, 'new (run 3)'],
    [{ firstRun: 1, lastRun: 4, isNew: false }, 'runs 1-4'],
    [{ firstRun: 2, lastRun: 2, isNew: false }, 'runs 2'],
  ])('%j → %j', (history, want) => {
    expect(runRange(cluster(history ? { history } : {}))).toBe(want);
  });
});
