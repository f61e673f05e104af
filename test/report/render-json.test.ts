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

  test('the report without its inputs, then a piece per input, each made when it is asked for', () => {
    const report = buildReport([armResult(), quietResult()], { tool: TOOL });
    const pieces = renderJsonChunks(report)[Symbol.iterator]();
    const head = pieces.next().value as string;
    expect(head).toContain('"summary"');
    expect(head.endsWith('"inputs": [\n')).toBe(true);
    // The second input is changed after the first piece: its piece shows the change, so it was made late.
    report.inputs[1]!.source = 'renamed after the head was written';
    expect(pieces.next().value).toContain(JSON.stringify(report.inputs[0]!.source));
    expect(pieces.next().value).toContain('renamed after the head was written');
    expect(pieces.next().value).toBe('  ]\n}\n');
    expect(pieces.next().done).toBe(true);
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
