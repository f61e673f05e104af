import MarkdownIt from 'markdown-it';
import { renderSummaryMarkdown } from '../../src/triage/summary-render-markdown.js';
import { hugeSummary, sampleSummary } from './sample-summary.js';

describe('renderSummaryMarkdown', () => {
  const md = renderSummaryMarkdown(sampleSummary());
  const html = new MarkdownIt().render(md);

  test('a table row per cluster and the vmemmap hull', () => {
    expect(md).toMatch(/^\| `aaaa0001` \| warning \| 3 \| 1 \|/m);
    expect(html).toContain('struct page 0xfffffbfff0000000-0xfffffc0000400000, below-window');
    expect(html).toContain('<table>');
  });

  test('the First..last seen column is there only when a cluster has a wall time', () => {
    expect(md).toContain('| ID | Kind | Count | Logs | First..last seen | Title | Example |');
    const s = sampleSummary();
    s.clusters = s.clusters.map(({ firstSeen: _first, lastSeen: _last, ...c }) => c);
    const out = renderSummaryMarkdown(s);
    expect(out).toContain('| ID | Kind | Count | Logs | Title | Example |');
    expect(out).toMatch(/^\| `bbbb0002` \| bug \| 1 \| 1 \| BUG\\: Bad page state/m);
  });

  test('example logs are named from the directory they all lie in, said once above the table', () => {
    const s = sampleSummary();
    s.clusters = s.clusters.map((c, i) => ({ ...c, exampleLog: `/srv/ci/job-${i}/console.log` }));
    const out = renderSummaryMarkdown(s);
    expect(out).toContain('Example logs are in `/srv/ci/`.');
    expect(out).toMatch(/^\| `bbbb0002` \|.*\| `job-\d\/console\.log` \|$/m);
    expect(out).not.toContain('`/srv/ci/job');
    expect(md).not.toContain('Example logs are in');
  });

  test('hostile titles and names render as text, not HTML', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(md).not.toContain('\x1b');
    expect(html).toContain('bad&lt;&amp;&gt;.gz');
  });
});

test('200 000 clusters and 200 000 problems render uncapped (regression: tables went through spread calls)', () => {
  const all = { rows: Infinity, chars: Infinity };
  const out = renderSummaryMarkdown(hugeSummary(200_000), { clusters: all, vmemmap: all, known: all, issues: all });
  expect(out).toContain((199_999).toString(16).padStart(8, '0'));
  expect(out).toContain('log-199999.gz');
});

describe('a summary too long for one comment', () => {
  // GitHub's limit on an issue or pull-request comment.
  const COMMENT_LIMIT = 65_536;

  test('keeps the first clusters and the first problems, and says how many more the JSON has', () => {
    const s = hugeSummary(5_000);
    s.clusters.forEach((c, i) => Object.assign(c, { count: 5_000 - i, vmemmap: i % 2 === 0 ? c.vmemmap : [] }));
    const out = renderSummaryMarkdown(s);
    expect(out.length).toBeLessThan(COMMENT_LIMIT);
    expect(out).toContain('| `00000063` |');
    expect(out).not.toContain('| `00000064` |');
    // Clusters 100..4999 have counts 4900 down to 1: their sum is 4900 * 4901 / 2.
    expect(out).toContain(`_… and 4900 more clusters (${(4900 * 4901) / 2} splats) not shown; \`--format json\` lists them all._`);
    expect(out).toMatch(/_… and \d+ more vmemmap findings not shown/);
    expect(out).toContain('`log-49.gz`');
    expect(out).not.toContain('`log-50.gz`');
    expect(out).toContain('_… and 4950 more problems (4950 errors) not shown');
  });

  test('titles and names of any length do not break the limit', () => {
    const s = hugeSummary(1_000);
    for (const c of s.clusters) c.title = `WARNING in ${'x'.repeat(5_000)}`;
    for (const i of s.issues) i.input = `${'d/'.repeat(2_000)}log.gz`;
    const out = renderSummaryMarkdown(s);
    expect(out.length).toBeLessThan(COMMENT_LIMIT);
    expect(out).toContain('more clusters');
    expect(out).toContain('more problems');
  });

  test('a title longer than the table budget is clipped, not left to empty the table (found by a review)', () => {
    const s = hugeSummary(3);
    s.issues = [];
    s.clusters[0]!.title = `WARNING: ${'A'.repeat(40_000)}`;
    const out = renderSummaryMarkdown(s);
    expect(out).not.toContain('more clusters');
    expect(out).toContain(`WARNING\\: ${'A'.repeat(150)}`);
    expect(out).not.toContain('A'.repeat(300));
    for (const c of s.clusters) expect(out).toContain(`| \`${c.id}\` |`);
  });

  // Found by an audit: problems came in path order, so 60 skipped binaries before `z-console.log.gz` hid its error.
  test('errors come first, and the cut rows are counted by severity', () => {
    const s = hugeSummary(1);
    s.issues = [
      ...Array.from({ length: 60 }, (_, i) => ({ input: `n${String(i).padStart(2, '0')}.bin`, severity: 'skipped' as const, reason: 'binary file' })),
      { input: 'w.log', severity: 'warning' as const, reason: 'counted, not clustered' },
      { input: 'z-console.log.gz', severity: 'error' as const, reason: 'unexpected end of file' },
    ];
    const out = renderSummaryMarkdown(s);
    const problems = out.slice(out.indexOf('## Problems'));
    const rows = problems.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows[0]).toContain('`z-console.log.gz`');
    expect(rows[1]).toContain('`w.log`');
    expect(rows[2]).toContain('`n00.bin`');
    expect(rows).toHaveLength(50);
    expect(problems).toContain('_… and 12 more problems (12 skipped) not shown;');
  });

  test('one row over says one more, in the singular', () => {
    const s = hugeSummary(101);
    s.issues = [];
    expect(renderSummaryMarkdown(s)).toContain('_… and 1 more cluster (3 splats) not shown;');
  });
});

// Found by a review of the CLI: `triage --timestamps` showed its time in the JSON summary alone.
test('the run time (--timestamps) is a sentence under the headline; none without one', () => {
  const s = sampleSummary();
  expect(renderSummaryMarkdown(s)).not.toContain('Generated at');
  s.generatedAt = '2026-03-01T12:34:56.789Z';
  expect(renderSummaryMarkdown(s)).toContain('\n\nGenerated at `2026-03-01T12:34:56.789Z`.\n');
});
