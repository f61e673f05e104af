import { FAIL_ON_KINDS, clusterMatches, resultsMatch, type FailOn } from '../../src/cli/fail-on.js';
import type { Cluster } from '../../src/analyze/types.js';
import { bugCluster, vmemmapCluster } from '../report/fixtures.js';
import { fakeResult } from '../triage/fake-result.js';

/** One cluster of a fake result, as the analyzer would give it. */
function cluster(c: Parameters<typeof fakeResult>[1][number]): Cluster {
  return fakeResult('x.log', [c]).clusters[0]!;
}

// Lockdep and suspicious-RCU reports are their own kinds but print a `WARNING:` title (syzkaller titles).
const lockdepWarning = cluster({ id: 'l1', count: 1, kind: 'lockdep', title: 'WARNING: possible circular locking dependency detected' });
const lockdepInconsistent = cluster({ id: 'l2', count: 1, kind: 'lockdep', title: 'inconsistent lock state in foo' });
const plainWarning = cluster({ id: 'w1', count: 1, kind: 'warning', title: 'WARNING in foo' });
// kind alone makes a warning, whatever the title says.
const warningOddTitle = cluster({ id: 'w2', count: 1, kind: 'warning', title: 'kobject: bad refcount in bar' });
const oops = cluster({ id: 'o1', count: 1, kind: 'oops', title: 'Internal error in baz' });
// startsWith is case-sensitive: a lower-case `warning` title of another kind is not a warning.
const lowerCaseTitle = cluster({ id: 'k1', count: 1, kind: 'kasan', title: 'warning-ish KASAN report' });
const panic = cluster({ id: 'p1', count: 1, kind: 'panic', title: 'kernel panic: VFS: Unable to mount root fs' });
// A WARNING under panic_on_warn: the kernel died, the report stays a WARNING.
const panickedWarning = cluster({ id: 'w3', count: 3, kind: 'warning', title: 'WARNING in foo', panickedCount: 1 });
// An Oops whose `Fatal exception` panic joined it.
const fatalOops = cluster({ id: 'o3', count: 1, kind: 'oops', title: 'Internal error in baz', panickedCount: 1 });

test('the --fail-on choices', () => {
  expect([...FAIL_ON_KINDS]).toEqual(['vmemmap', 'warning', 'bug', 'panic', 'any']);
});

describe('clusterMatches', () => {
  test.each<[string, Cluster, Record<FailOn, boolean>]>([
    ['vmemmap WARNING storm', vmemmapCluster(), { vmemmap: true, warning: true, bug: false, panic: false, any: true }],
    ['paging-request BUG', bugCluster(), { vmemmap: false, warning: false, bug: true, panic: false, any: true }],
    ['plain WARNING', plainWarning, { vmemmap: false, warning: true, bug: false, panic: false, any: true }],
    ['warning kind, title without WARNING', warningOddTitle, { vmemmap: false, warning: true, bug: false, panic: false, any: true }],
    ['lockdep kind, WARNING title', lockdepWarning, { vmemmap: false, warning: true, bug: false, panic: false, any: true }],
    ['lockdep kind, other title', lockdepInconsistent, { vmemmap: false, warning: false, bug: true, panic: false, any: true }],
    ['oops', oops, { vmemmap: false, warning: false, bug: true, panic: false, any: true }],
    ['kasan kind, lower-case warning title', lowerCaseTitle, { vmemmap: false, warning: false, bug: true, panic: false, any: true }],
    ['panic', panic, { vmemmap: false, warning: false, bug: true, panic: true, any: true }],
    ['WARNING a panic_on_warn panic escalated', panickedWarning, { vmemmap: false, warning: true, bug: false, panic: true, any: true }],
    ['Oops with its Fatal exception panic', fatalOops, { vmemmap: false, warning: false, bug: true, panic: true, any: true }],
  ])('%s', (_name, c, expected) => {
    for (const kind of FAIL_ON_KINDS) expect({ kind, matches: clusterMatches(c, kind) }).toEqual({ kind, matches: expected[kind] });
  });

  test('vmemmap is decided by the findings, not by the title or kind', () => {
    // A vmemmap_populate title whose splats gave no finding (not arm64, say) is no vmemmap cluster ...
    const titled = { ...vmemmapCluster(), vmemmap: [] };
    expect(clusterMatches(titled, 'vmemmap')).toBe(false);
    // ... and a finding makes any cluster one, an Oops included (6.9+ init-zone-device faults).
    const oopsWithFinding = cluster({ id: 'o2', count: 1, kind: 'oops', title: 'Unable to handle kernel paging request', vmemmap: [{ op: 'init-zone-device' }] });
    expect(clusterMatches(oopsWithFinding, 'vmemmap')).toBe(true);
  });
});

describe('resultsMatch', () => {
  const warningsOnly = fakeResult('warn.log', [{ id: 'w1', count: 2, title: 'WARNING in foo' }]);
  const bugOnly = fakeResult('bug.log', [{ id: 'b1', count: 1, kind: 'bug', title: 'BUG: sleeping function called from invalid context' }]);
  const clean = fakeResult('clean.log', []);

  test('no --fail-on never matches, even with clusters of every kind', () => {
    expect(resultsMatch([warningsOnly, bugOnly], undefined)).toBe(false);
  });

  test('no results and clean results never match, even for any', () => {
    expect(resultsMatch([], 'any')).toBe(false);
    expect(resultsMatch([clean, clean], 'any')).toBe(false);
  });

  test('a match in any one result is enough', () => {
    expect(resultsMatch([clean, warningsOnly], 'warning')).toBe(true);
    expect(resultsMatch([warningsOnly, clean, bugOnly], 'bug')).toBe(true);
  });

  test('no cluster of the kind in any result is no match', () => {
    expect(resultsMatch([clean, warningsOnly], 'bug')).toBe(false);
    expect(resultsMatch([bugOnly], 'warning')).toBe(false);
    expect(resultsMatch([warningsOnly, bugOnly], 'vmemmap')).toBe(false);
  });

  test('a vmemmap cluster among others', () => {
    const mixed = fakeResult('mixed.log', [
      { id: 'b1', count: 1, kind: 'bug', title: 'BUG: Bad page state in free_pages' },
      { id: 'v1', count: 3, title: 'WARNING in vmemmap_populate', vmemmap: [{ op: 'populate' }] },
    ]);
    expect(resultsMatch([clean, mixed], 'vmemmap')).toBe(true);
  });
});
