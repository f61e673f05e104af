import { parseSummary, summaryProblems } from '../../src/triage/validate-summary.js';
import { renderSummaryJson } from '../../src/triage/summary-render-json.js';
import { InputError } from '../../src/errors.js';
import { sampleSummary } from './sample-summary.js';

describe('summary validation for merge', () => {
  test('a rendered summary parses back to the same object', () => {
    const s = sampleSummary();
    expect(parseSummary(renderSummaryJson(s), 'a.json')).toEqual(s);
  });

  test.each([
    ['wrong schema version', (o: Record<string, unknown>) => ({ ...o, schemaVersion: 2 }), /schemaVersion/],
    ['decimal hull', (o: Record<string, unknown>) => JSON.parse(JSON.stringify(o).replace('"0xfffffbfff0000000"', '"123"')), /pattern/],
    ['unknown field', (o: Record<string, unknown>) => ({ ...o, extra: 1 }), /extra/],
  ])('%s is rejected', (_, change, why) => {
    const obj = change(JSON.parse(renderSummaryJson(sampleSummary())) as Record<string, unknown>);
    expect(summaryProblems(obj).join('\n')).toMatch(why);
    expect(() => parseSummary(JSON.stringify(obj), 'shard.json')).toThrow(InputError);
  });

  // Found by review: the message was `/schemaVersion: must be equal to constant`, naming neither version.
  test('a summary of another schema version says which, and which this vmemwarn merges', () => {
    const obj = { ...(JSON.parse(renderSummaryJson(sampleSummary())) as Record<string, unknown>), schemaVersion: 2 };
    expect(() => parseSummary(JSON.stringify(obj), 'shard.json')).toThrow(
      new InputError('shard.json', 'a summary of schema version 2; this vmemwarn merges version 1 (run triage again with one vmemwarn for all shards)'),
    );
  });

  test('not JSON', () => {
    expect(() => parseSummary('{', 'x.json')).toThrow(/x\.json: not JSON/);
  });
});
