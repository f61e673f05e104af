import { buildReport } from '../../src/report/model.js';
import { lineSpan, partialNotes, plural, vmemmapClusters } from '../../src/report/report-facts.js';
import { armResult, TOOL } from './fixtures.js';

test('vmemmapClusters keeps clusters with a finding', () => {
  const [input] = buildReport([armResult()], { tool: TOOL }).inputs;
  expect(vmemmapClusters(input!).map((c) => c.id)).toEqual(['1f2e3d4c5b6a7988']);
});

test('lineSpan and plural', () => {
  expect(lineSpan({ firstLine: 5, lastLine: 5 })).toBe('5');
  expect(lineSpan({ firstLine: 5, lastLine: 9 })).toBe('5-9');
  expect(plural(1, 'boot')).toBe('1 boot');
  expect(plural(2, 'boot')).toBe('2 boots');
});

// Found by a review: a gzip log with one byte flipped reported 7 clusters of garbled text as "the lines before" the
// error, though gzip finds the damage only at the member's end, by its CRC.
test('partialNotes: a failed gzip check says the lines before it may be garbled too; a truncation does not', () => {
  const notesOf = (inputError: string) => partialNotes(buildReport([{ ...armResult(), inputError }], { tool: TOOL }).inputs[0]!);
  expect(notesOf('x.gz: corrupt gzip data (CRC-32 mismatch)')).toEqual([
    'incomplete: reading stopped on x.gz: corrupt gzip data (CRC-32 mismatch); this covers the lines before it, which may be garbled too: gzip checks its data only at the end',
  ]);
  expect(notesOf('x.gz: truncated gzip data')).toEqual(['incomplete: reading stopped on x.gz: truncated gzip data; this covers the lines before it']);
});
