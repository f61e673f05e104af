import { unreadResult } from '../../src/analyze/unread-result.js';
import { buildReport } from '../../src/report/model.js';
import { renderJson } from '../../src/report/render-json.js';
import { validateReport } from '../../src/report/validate.js';

test('an unread input makes a report that the report schema accepts, its error kept and nothing counted', () => {
  const result = unreadResult('/x/missing.log', '/x/missing.log: no such file');
  const json = JSON.parse(renderJson(buildReport([result]))) as unknown;
  expect(validateReport(json).valid).toBe(true);
  expect(json).toMatchObject({ summary: { inputs: 1, splats: 0 }, inputs: [{ source: '/x/missing.log', inputError: '/x/missing.log: no such file' }] });
});
