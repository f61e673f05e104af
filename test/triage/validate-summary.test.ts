import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseSummary, summaryProblems } from '../../src/triage/validate-summary.js';
import { renderSummaryJson } from '../../src/triage/summary-render-json.js';
import { InputError } from '../../src/errors.js';
import { sampleSummary } from './sample-summary.js';

describe('summary validation for merge', () => {
  test('a rendered summary parses back to the same object', () => {
    const s = sampleSummary();
    expect(parseSummary(renderSummaryJson(s), 'a.json')).toEqual(s);
  });

  test('the shards a summary covers are kept', () => {
    const s = { ...sampleSummary(), shards: { count: 3, indices: [1, 3] } };
    expect(parseSummary(renderSummaryJson(s), 'a.json')).toEqual(s);
  });

  test.each([
    ['shards naming none', (o: Record<string, unknown>) => ({ ...o, shards: { count: 3, indices: [] } }), /indices/],
    ['wrong schema version', (o: Record<string, unknown>) => ({ ...o, schemaVersion: 2 }), /schemaVersion/],
    ['decimal hull', (o: Record<string, unknown>) => JSON.parse(JSON.stringify(o).replace('"0xfffffbfff0000000"', '"123"')), /pattern/],
    ['unknown field', (o: Record<string, unknown>) => ({ ...o, extra: 1 }), /extra/],
    ['totals without logsBySeverity (schema 3)', (o: Record<string, unknown>) => JSON.parse(JSON.stringify(o).replace(/,"logsBySeverity":\{[^}]*\}/, '')), /logsBySeverity/],
    // Found by an adversarial run: merge summed 1e308 + 1e308 into Infinity and wrote "count": null.
    ['a count past 2^53', (o: Record<string, unknown>) => JSON.parse(JSON.stringify(o).replace(/"count":\d+/, '"count":1e308')), /must be <= 9007199254740991/],
  ])('%s is rejected', (_, change, why) => {
    const obj = change(JSON.parse(renderSummaryJson(sampleSummary())) as Record<string, unknown>);
    expect(summaryProblems(obj).join('\n')).toMatch(why);
    expect(() => parseSummary(JSON.stringify(obj), 'shard.json')).toThrow(InputError);
  });

  // Found by review: the message was `/schemaVersion: must be equal to constant`, naming neither version.
  test('a summary of another schema version says which, and which this vmemwarn merges', () => {
    const obj = { ...(JSON.parse(renderSummaryJson(sampleSummary())) as Record<string, unknown>), schemaVersion: 1 };
    expect(() => parseSummary(JSON.stringify(obj), 'shard.json')).toThrow(
      new InputError('shard.json', 'a summary of schema version 1; this vmemwarn merges version 6 (run triage again with one vmemwarn for all shards)'),
    );
  });

  // Found by review: an analyze report was named "a summary of schema version \"1.3.0\"".
  test('an analyze report is named as one', async () => {
    const { analyzeText } = await import('../../src/api.js');
    const { buildReport } = await import('../../src/report/model.js');
    const { renderJson } = await import('../../src/report/render-json.js');
    const report = renderJson(buildReport([await analyzeText('[    1.000000] WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2\n')]));
    expect(() => parseSummary(report, 'an.json')).toThrow(
      new InputError('an.json', 'an analyze report, not a triage summary: merge takes the output of `triage --format json`'),
    );
  });

  test('not JSON', () => {
    expect(() => parseSummary('{', 'x.json')).toThrow(/x\.json: not JSON/);
  });
});

// Found by a review of the library API: the summary schema says generatedAt is a date-time, but it was compiled with
// formats off, so summaryProblems, parseSummary and `vmemwarn merge` took generatedAt: "yesterday", which a user
// validating with the shipped schema and ajv-formats rejects.
describe('Found by a review: the formats summary.schema.json states are enforced', () => {
  test.each(['yesterday', '2024-13-01T00:00:00Z', '2024-01-01'])('generatedAt %p is rejected', (generatedAt) => {
    const obj = { ...(JSON.parse(renderSummaryJson(sampleSummary())) as object), generatedAt };
    expect(summaryProblems(obj).join('\n')).toMatch(/^\/generatedAt: must match format "date-time"$/);
    expect(() => parseSummary(JSON.stringify(obj), 'shard.json')).toThrow(InputError);
  });

  test('the time runTriage puts there (toISOString) is taken', () => {
    const obj = { ...(JSON.parse(renderSummaryJson(sampleSummary())) as object), generatedAt: new Date().toISOString() };
    expect(summaryProblems(obj)).toEqual([]);
  });

  test('every shipped schema compiles under a default, strict Ajv2020 with ajv-formats', () => {
    const dir = new URL('../../schema/', import.meta.url);
    const names = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
    expect(names).toContain('summary.schema.json');
    for (const name of names) {
      const ajv = new Ajv2020();
      addFormats.default(ajv);
      expect(() => ajv.compile(JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as object)).not.toThrow();
    }
  });
});

// Found by a review of the CLI: a summary did not say what stopped its run (schema 6 adds interruptedBy).
test('interruptedBy: stop signals, each once, of an interrupted summary only', () => {
  const base = JSON.parse(renderSummaryJson(sampleSummary())) as Record<string, unknown>;
  expect(summaryProblems({ ...base, interrupted: true, interruptedBy: ['SIGINT', 'SIGTERM'] })).toEqual([]);
  expect(summaryProblems({ ...base, interrupted: false, interruptedBy: ['SIGTERM'] }).join('\n')).toMatch(/interrupted/);
  expect(summaryProblems({ ...base, interrupted: true, interruptedBy: ['SIGKILL'] }).join('\n')).toMatch(/interruptedBy/);
  expect(summaryProblems({ ...base, interrupted: true, interruptedBy: [] }).join('\n')).toMatch(/interruptedBy/);
});
