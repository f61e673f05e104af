import { buildReport } from '../../src/report/model.js';
import { renderJson } from '../../src/report/render-json.js';
import { armResult, TOOL } from './fixtures.js';

test('renderJson: indented JSON with a trailing newline that parses back to the report', () => {
  const report = buildReport([armResult()], { tool: TOOL });
  const json = renderJson(report);
  expect(json.endsWith('}\n')).toBe(true);
  expect(json.startsWith('{\n  "schemaVersion": "1.4.0",\n  "tool"')).toBe(true);
  expect(JSON.parse(json)).toEqual(report);
});
