import { markKnown } from '../../src/triage/known-clusters.js';
import { parseIgnoreList } from '../../src/triage/ignore-list.js';
import { sampleSummary } from './sample-summary.js';

// sampleSummary's clusters: aaaa0001 `WARNING in vmemmap_populate`, bbbb0002 `BUG: Bad page state in free_pages`,
// cccc0003 a hostile WARNING title; none known.
function knownIds(list: string): string[] {
  return markKnown(sampleSummary(), parseIgnoreList(list))
    .clusters.filter((c) => c.known)
    .map((c) => c.id)
    .sort();
}

test.each([
  ['an empty list', '', []],
  ['a cluster id', 'bbbb0002', ['bbbb0002']],
  ['a /regex/ over the title', '/vmemmap_(populate|free)/', ['aaaa0001']],
  ['a glob over the whole title', 'BUG: Bad page*', ['bbbb0002']],
  // Globs are anchored: a glob matching only part of a title knows nothing.
  ['a glob matching only part of the title', 'vmemmap_populate', []],
  ['an id and a regex together', 'cccc0003\n/^WARNING in vmemmap/', ['aaaa0001', 'cccc0003']],
  ['an id no cluster has', 'deadbeef', []],
])('%s', (_name, list, ids) => {
  expect(knownIds(list)).toEqual(ids);
});

test('a cluster already known stays known when the list does not name it', () => {
  const s = sampleSummary();
  s.clusters = s.clusters.map((c) => ({ ...c, known: c.id === 'cccc0003' }));
  const marked = markKnown(s, parseIgnoreList('aaaa0001'));
  expect(Object.fromEntries(marked.clusters.map((c) => [c.id, c.known]))).toEqual({
    aaaa0001: true, // named by the list
    bbbb0002: false,
    cccc0003: true, // known before
  });
});

test('only `known` changes: the input is left alone, order and every other field kept', () => {
  const s = sampleSummary();
  const before = structuredClone(s);
  const marked = markKnown(s, parseIgnoreList('bbbb0002'));
  expect(s).toEqual(before);
  expect(marked).not.toBe(s);
  expect(marked).toEqual({ ...before, clusters: before.clusters.map((c) => ({ ...c, known: c.id === 'bbbb0002' })) });
});
