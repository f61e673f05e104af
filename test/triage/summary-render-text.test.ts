import { UsageError } from '../../src/errors.js';
import { renderSummaryText } from '../../src/triage/summary-render-text.js';
import { hugeSummary, sampleSummary } from './sample-summary.js';
import { MIN_TEXT_WIDTH } from '../../src/report/min-text-width.js';
import { buildReport } from '../../src/report/model.js';
import { renderText } from '../../src/report/render-text.js';

describe('renderSummaryText', () => {
  const text = renderSummaryText(sampleSummary());

  test('headline, clusters by severity, vmemmap hull and problems', () => {
    expect(text.split('\n')[0]).toBe('vmemwarn triage: 0 inputs, 2 logs (1 with splats), 0.0 MiB, 200 lines, 5 splats; 1 error');
    expect(text).toMatch(/aaaa0001\s+warning\s+3\s+1\s+2024-05-01T10:00:00.000Z \.\. 2024-05-01T10:00:05.000Z\s+WARNING in vmemmap_populate\s+boot-1.log/);
    // The BUG (1 splat) is a crash: it comes before the WARNING storm (3 splats) of the same log.
    expect(text.indexOf('bbbb0002')).toBeLessThan(text.indexOf('aaaa0001'));
    expect(text).toContain('aaaa0001 populate: 3 splats (3 read) in 1 log, struct page 0xfffffbfff0000000-0xfffffc0000400000, below-window');
    expect(text).toMatch(/bad<&>\.gz\s+error\s+corrupt gzip data/);
  });

  test('log-derived control characters are escaped', () => {
    expect(text).not.toContain('\x1b');
    expect(text).toContain('\\x1b[31m');
  });

  test('first and last seen come from the log too: escaped as well', () => {
    const s = sampleSummary();
    s.clusters = s.clusters.map((c) => ({ ...c, firstSeen: '2023-05-02T10:11:12\x1b]0;pwned\x07\u202e', lastSeen: '2023-05-02T10:11:13\u009b31m' }));
    const out = renderSummaryText(s);
    expect(out).not.toMatch(/[\x1b\x07\u202e\u009b]/);
    expect(out).toContain('2023-05-02T10:11:12\\x1b]0;pwned\\x07\\u202e .. 2023-05-02T10:11:13\\x9b31m');
  });

  // Found by a review: `merge --format text` printed a summary's vmemmap driver and layout raw (OSC 52, OSC 8, CSI).
  test('a vmemmap finding\'s driver and layout come from the summary JSON: escaped as well', () => {
    const s = sampleSummary();
    s.clusters = s.clusters.map((c) => ({ ...c, vmemmap: c.vmemmap.map((v) => ({ ...v,
      driver: 'drv\x1b]52;c;cm0gLXJmIH4K\x07\x1b[2J\u009b31m\u202eEVIL', layout: 'E3\x1b]8;;http://evil\x07click\x1b]8;;\x07' })) }));
    const out = renderSummaryText(s);
    expect(out).not.toMatch(/[\x1b\x07\u202e\u009b]/);
    expect(out).toContain('aaaa0001 populate (E3\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07), drv\\x1b]52;c;cm0gLXJmIH4K\\x07\\x1b[2J\\x9b31m\\u202eEVIL: 3 splats');
  });

  test('FIRST..LAST SEEN is the wall-clock column, there only when a cluster has a wall time', () => {
    expect(text).toMatch(/^ {2}ID\s+KIND\s+COUNT\s+LOGS\s+FIRST\.\.LAST SEEN\s+TITLE\s+EXAMPLE$/m);
    expect(text).toMatch(/bbbb0002\s+bug\s+1\s+1\s+-\s+BUG: Bad page state/);
    const s = sampleSummary();
    s.clusters = s.clusters.map(({ firstSeen: _first, lastSeen: _last, ...c }) => c);
    const out = renderSummaryText(s);
    expect(out).toMatch(/^ {2}ID\s+KIND\s+COUNT\s+LOGS\s+TITLE\s+EXAMPLE$/m);
    expect(out).toMatch(/bbbb0002\s+bug\s+1\s+1\s+BUG: Bad page state/);
  });

  test('example logs are named from the directory they all lie in, which the heading names', () => {
    const s = sampleSummary();
    s.clusters = s.clusters.map((c, i) => ({ ...c, exampleLog: `/srv/ci/job-${i}/console.log` }));
    const out = renderSummaryText(s);
    expect(out).toContain('Clusters (example logs in /srv/ci/):');
    expect(out).toMatch(/bbbb0002 .* job-\d\/console\.log$/m);
    expect(out).not.toMatch(/ \/srv\/ci\/job/);
    // Names with no directory in common are shown whole, with no heading to name one.
    expect(text).toContain('Clusters:');
    expect(text).toMatch(/bbbb0002 .* boot-1\.log$/m);
  });

  describe('on a terminal (columns given)', () => {
    const s = sampleSummary();
    const long = `BUG: unable to handle kernel NULL pointer dereference in ${'very_long_function_name_'.repeat(4)}end`;
    // No wall times: the lead columns are then narrow (ID to LOGS), and a title of 40 columns fits in 80.
    s.clusters = s.clusters.map(({ firstSeen: _f, lastSeen: _l, ...c }) => ({ ...c, title: c.id === 'bbbb0002' ? long : c.title,
      exampleLog: `logs/${c.id}/${'deep/'.repeat(30)}x.log` }));
    s.issues = [{ input: `logs/${'x'.repeat(300)}.gz`, severity: 'error', reason: 'corrupt gzip data' }];
    // The vmemmap lines are prose with hulls, left whole: only table rows are clipped.
    const tableLines = (out: string) => out.split('\n').filter((l) => l.startsWith('  ') && !l.includes(' populate: '));

    test('no table line is wider than the terminal; the cut ends in …', () => {
      for (const columns of [80, 120, 200]) {
        const lines = tableLines(renderSummaryText(s, { columns }));
        expect(lines.every((l) => [...l].length <= columns)).toBe(true);
        expect(lines.filter((l) => l.endsWith('…')).length).toBeGreaterThan(0);
      }
    });

    test('a title gives way to leave the example room, but keeps at least 40 columns', () => {
      const wide = renderSummaryText(s, { columns: 400 });
      expect(wide).toContain(long);
      const narrow = renderSummaryText(s, { columns: 80 });
      expect(narrow).not.toContain(long);
      expect(narrow).toContain(`${long.slice(0, 39)}…`);
    });

    test('off a terminal nothing is cut', () => {
      const out = renderSummaryText(s);
      expect(out).toContain(long);
      expect(out).toContain(`bbbb0002/${'deep/'.repeat(30)}x.log`);
      expect(out).toContain('x'.repeat(300));
    });
  });

  test('known clusters are listed apart', () => {
    const s = sampleSummary();
    s.clusters = s.clusters.map((c) => (c.id === 'bbbb0002' ? { ...c, known: true } : c));
    const out = renderSummaryText(s);
    expect(out.indexOf('Known (ignore list):')).toBeGreaterThan(0);
    expect(out.indexOf('bbbb0002')).toBeGreaterThan(out.indexOf('Known (ignore list):'));
  });
});

test('200 000 clusters and 200 000 problems render (regression: tables went through spread calls)', () => {
  const out = renderSummaryText(hugeSummary(200_000));
  expect(out).toContain((199_999).toString(16).padStart(8, '0'));
  expect(out).toContain('log-199999.gz');
});

test('an option other than columns is a usage error', () => {
  expect(() => renderSummaryText(sampleSummary(), { column: 80 } as never)).toThrow(new UsageError("renderSummaryText: unknown option 'column' (did you mean 'columns'?)"));
});

// Found by a review of the library API: columns of 'x', NaN, 1.5, -5 or 10 were taken, and every table row came out
// as a bare '…'. columns follows renderText's width: a whole number of at least MIN_TEXT_WIDTH.
describe('Found by a review: columns that is no whole number of at least renderText\'s minimum width is a usage error', () => {
  test.each(['x', NaN, 1.5, -5, 10, MIN_TEXT_WIDTH - 1])('columns %p', (columns) => {
    expect(() => renderSummaryText(sampleSummary(), { columns } as never)).toThrow(UsageError);
    expect(() => renderSummaryText(sampleSummary(), { columns } as never)).toThrow(
      /^renderSummaryText: columns must be a whole number of at least \d+, not /,
    );
  });

  test('the same minimum as renderText\'s width: both refuse one column less, and take it', () => {
    const report = buildReport([]);
    expect(() => renderText(report, { width: MIN_TEXT_WIDTH - 1 })).toThrow(`width must be a whole number of at least ${MIN_TEXT_WIDTH}`);
    expect(() => renderSummaryText(sampleSummary(), { columns: MIN_TEXT_WIDTH - 1 })).toThrow(`columns must be a whole number of at least ${MIN_TEXT_WIDTH}`);
    expect(() => renderText(report, { width: MIN_TEXT_WIDTH })).not.toThrow();
    // At the minimum the rows still say which cluster they are.
    const s = sampleSummary();
    const out = renderSummaryText(s, { columns: MIN_TEXT_WIDTH });
    for (const c of s.clusters) expect(out).toContain(`  ${c.id}`);
  });
});

// Found by a review of the CLI: `triage --timestamps` showed its time in the JSON summary alone.
test('the run time (--timestamps) is a line under the headline, escaped; none without one', () => {
  const s = sampleSummary();
  expect(renderSummaryText(s)).not.toContain('generated at');
  s.generatedAt = '2026-03-01T12:34:56.789Z';
  expect(renderSummaryText(s)).toContain('\ngenerated at 2026-03-01T12:34:56.789Z\n');
  s.generatedAt = '2026-03-01T12:34:56Z\x1b[2J';
  expect(renderSummaryText(s)).toContain('\ngenerated at 2026-03-01T12:34:56Z\\x1b[2J\n');
});
