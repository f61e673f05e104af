import { renderSummaryJunit } from '../../src/triage/junit.js';
import { sampleSummary } from './sample-summary.js';

describe('renderSummaryJunit', () => {
  test('one testcase per log, failed when it has a cluster of the fail-on kind, errors for unreadable inputs', () => {
    const xml = renderSummaryJunit(sampleSummary(), 'vmemmap');
    expect(xml).toContain('<testsuites name="vmemwarn triage" tests="3" failures="1" errors="1" skipped="0">');
    expect(xml).toMatch(/<testcase classname="vmemwarn.triage" name="boot-1.log">\s*<failure message="1 cluster matching --fail-on vmemmap" type="vmemmap">aaaa0001 warning x3: WARNING in vmemmap_populate<\/failure>/);
    expect(xml).toContain('<testcase classname="vmemwarn.triage" name="boot-2.log"></testcase>');
    expect(xml).toContain('name="bad&lt;&amp;&gt;.gz">\n      <error message="corrupt gzip data (invalid block type)"/>');
  });

  test.each([
    ['bug', 1, 'bbbb0002'],
    ['warning', 2, 'aaaa0001'],
    ['any', 3, 'bbbb0002'],
  ] as const)('fail-on %s', (failOn, clusters, id) => {
    const xml = renderSummaryJunit(sampleSummary(), failOn);
    expect(xml).toContain(`message="${clusters} cluster${clusters === 1 ? '' : 's'} matching --fail-on ${failOn}"`);
    expect(xml).toContain(id);
  });

  // Found by review: an archive member cut short was two testcases (its log, and its error), and an interrupted run
  // looked like a whole one.
  test('an error of a log that was read in part is that log\'s testcase\'s error, not a testcase of its own', () => {
    const s = sampleSummary();
    s.issues.push({ input: 'boot-2.log', severity: 'error', reason: 'cut short, analyzed up to the cut' });
    const xml = renderSummaryJunit(s, 'vmemmap');
    expect(xml).toContain('tests="3" failures="1" errors="2"');
    expect(xml).toContain('<testcase classname="vmemwarn.triage" name="boot-2.log">\n      <error message="cut short, analyzed up to the cut"/>\n    </testcase>');
    expect(xml.match(/name="boot-2.log"/g)).toHaveLength(1);
  });

  // Found by a review: every skipped input was left out: a zip whose members are all encrypted gave tests="0".
  test('Found by a review: each input not read is a skipped testcase naming why; a log read in part keeps only its error', () => {
    const s = sampleSummary();
    s.issues.push(
      { input: 'all.zip:a.log', severity: 'skipped', reason: 'encrypted zip member' },
      { input: 'console', severity: 'skipped', reason: 'not a regular file (FIFO)' },
      { input: 'console', severity: 'skipped', reason: 'the second reason <&>' },
      { input: 'boot-1.log', severity: 'skipped', reason: 'a reason of a log that was read' },
      { input: 'bad<&>.gz', severity: 'skipped', reason: 'a reason of an input that failed' },
      { input: 'boot-2.log', severity: 'warning', reason: 'a warning is no skip' },
    );
    const xml = renderSummaryJunit(s, 'vmemmap');
    expect(xml).toContain('tests="5" failures="1" errors="1" skipped="2"');
    expect(xml).toContain('<testcase classname="vmemwarn.triage" name="all.zip:a.log">\n      <skipped message="encrypted zip member"/>\n    </testcase>');
    expect(xml).toContain('name="console">\n      <skipped message="not a regular file (FIFO); the second reason &lt;&amp;&gt;"/>');
    expect(xml.match(/<skipped /g)).toHaveLength(2);
  });

  test('an interrupted run ends with an error testcase that says so', () => {
    const s = sampleSummary();
    s.interrupted = true;
    s.interruptedBy = ['SIGINT'];
    const xml = renderSummaryJunit(s, 'vmemmap');
    expect(xml).toContain('tests="4" failures="1" errors="2"');
    expect(xml).toContain('name="(run)">\n      <error message="interrupted (Ctrl-C): the logs not yet read are not in this report"/>');
  });

  // Found by a review of the CLI: a run SIGTERM stopped (a CI timeout) was said to be stopped by Ctrl-C.
  test.each([
    [['SIGTERM'] as const, 'interrupted (SIGTERM)'],
    [['SIGINT', 'SIGHUP'] as const, 'interrupted (Ctrl-C and SIGHUP)'],
    [undefined, 'interrupted'],
  ])('what stopped it, %j, is named: %s', (by, words) => {
    const s = sampleSummary();
    s.interrupted = true;
    if (by !== undefined) s.interruptedBy = [...by];
    expect(renderSummaryJunit(s)).toContain(`<error message="${words}: the logs not yet read are not in this report"/>`);
  });

  test('known clusters never fail; XML-forbidden characters are escaped', () => {
    const s = sampleSummary();
    s.clusters = s.clusters.map((c) => ({ ...c, known: true }));
    const xml = renderSummaryJunit(s, 'any');
    expect(xml).toContain('failures="0"');
    expect(renderSummaryJunit(sampleSummary(), 'any')).toContain('\\x1b[31m');
  });
});

test('a failure counts the cluster in that log, not over every log', () => {
  // The same cluster twice in boot-1.log and five times in another log: the summary total is 7.
  const s = sampleSummary();
  const id = 'aaaa0001';
  s.clusters = s.clusters.map((c) => (c.id === id ? { ...c, count: 7, logs: 2 } : c));
  s.logs = s.logs.map((l) => (l.name === 'boot-1.log' ? { ...l, clusters: l.clusters.map((c) => (c.id === id ? { ...c, count: 2 } : c)) } : l));
  const xml = renderSummaryJunit(s, 'vmemmap');
  expect(xml).toContain(`${id} warning x2: WARNING in vmemmap_populate`);
  expect(xml).not.toContain('x7');
});

// Found by a review of the CLI: `triage --timestamps` showed its time in the JSON summary alone.
describe('the run time (--timestamps)', () => {
  test("is the testsuite's timestamp, in UTC without zone or fraction as the JUnit schema has it", () => {
    const s = sampleSummary();
    s.generatedAt = '2026-03-01T12:34:56.789+02:00';
    expect(renderSummaryJunit(s)).toMatch(/\n {2}<testsuite name="vmemwarn" [^>\n]* timestamp="2026-03-01T10:34:56">\n/);
  });

  test('none without one, or for one that is no date', () => {
    expect(renderSummaryJunit(sampleSummary())).not.toContain('timestamp=');
    const s = sampleSummary();
    s.generatedAt = 'yesterday';
    expect(renderSummaryJunit(s)).not.toContain('timestamp=');
  });
});
