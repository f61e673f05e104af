import { buildReport } from '../../src/report/model.js';
import { renderJson, renderJsonChunks } from '../../src/report/render-json.js';
import type { Report } from '../../src/report/model-types.js';
import { UsageError } from '../../src/errors.js';
import { armResult, quietResult, TOOL } from './fixtures.js';

test('renderJson: indented JSON with a trailing newline that parses back to the report', () => {
  const report = buildReport([armResult()], { tool: TOOL });
  const json = renderJson(report);
  expect(json.endsWith('}\n')).toBe(true);
  expect(json.startsWith('{\n  "schemaVersion": "1.5.0",\n  "tool"')).toBe(true);
  expect(JSON.parse(json)).toEqual(report);
});

describe('renderJsonChunks', () => {
  /** An input whose strings hold what JSON escapes: a quote, a backslash, a line break, a tab, a control byte. */
  function escapingResult(): ReturnType<typeof armResult> {
    const result = armResult();
    result.source = 'odd "name"\\with\nbreak\tand\u0001 \u2192.log';
    result.warnings = ['a warning\nover two lines'];
    return result;
  }

  test.each([
    ['no input', []],
    ['one input', [armResult()]],
    ['three inputs, one with strings JSON escapes', [armResult(), escapingResult(), quietResult()]],
  ])('%s: the pieces make renderJson’s text byte for byte', (_name, results) => {
    const report = buildReport(results, { tool: TOOL });
    expect([...renderJsonChunks(report)].join('')).toBe(renderJson(report));
  });

  test('the report without its inputs, then each input in pieces, each made when it is asked for', () => {
    const report = buildReport([armResult(), quietResult()], { tool: TOOL });
    const pieces = renderJsonChunks(report)[Symbol.iterator]();
    const head = pieces.next().value as string;
    expect(head).toContain('"summary"');
    expect(head.endsWith('"inputs": [\n')).toBe(true);
    // The second input is changed after the first piece: the text shows the change, so its pieces were made late.
    report.inputs[1]!.source = 'renamed after the head was written';
    const rest = [...(pieces as unknown as Iterable<string>)];
    expect(head + rest.join('')).toBe(renderJson(report));
    expect(rest.at(-1)).toBe('  ]\n}\n');
  });

  // An input may hold 1,000 clusters (MAX_CLUSTERS), 3.9 MB of JSON: made in one piece and indented afterwards, it had
  // put the peak RSS of `analyze --format json` at 117 MiB against 85 MiB for the text report of the same log.
  test('an input’s clusters are a piece each', () => {
    const result = armResult();
    const many = { ...result, clusters: Array.from({ length: 5 }, (_, i) => ({ ...result.clusters[0]!, id: `${i}`.repeat(16) })) };
    const report = buildReport([many], { tool: TOOL });
    const pieces = [...renderJsonChunks(report)];
    expect(pieces.join('')).toBe(renderJson(report));
    const ids = report.inputs[0]!.clusters.map((c) => `"id": "${c.id}"`);
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(pieces.filter((p) => p.includes(id))).toHaveLength(1);
    expect(new Set(ids.map((id) => pieces.findIndex((p) => p.includes(id)))).size).toBe(5);
  });

  test('a report whose inputs are not its last key is one piece, as renderJson writes it', () => {
    const built = buildReport([armResult()], { tool: TOOL });
    const { inputs, ...rest } = built;
    const reordered: Report = { inputs, ...rest };
    expect([...renderJsonChunks(reordered)]).toEqual([renderJson(reordered)]);
  });

  test('what is no report is a UsageError at the call, before any piece', () => {
    expect(() => renderJsonChunks({ summary: {} } as unknown as Report)).toThrow(UsageError);
  });
});
