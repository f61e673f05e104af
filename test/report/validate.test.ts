import { buildReport } from '../../src/report/model.js';
import { renderJson } from '../../src/report/render-json.js';
import { validateReport } from '../../src/report/validate.js';
import { ATTACK_TEXT } from './attack.js';
import { armResult, quietResult, TOOL } from './fixtures.js';

const rendered = () => JSON.parse(renderJson(buildReport([armResult(), quietResult()], { tool: TOOL }))) as Record<string, any>;

test('rendered JSON of a full report is valid', () => {
  expect(validateReport(rendered())).toEqual({ valid: true, errors: [] });
});

test('an empty report is valid', () => {
  expect(validateReport(JSON.parse(renderJson(buildReport([], { tool: TOOL }))))).toEqual({ valid: true, errors: [] });
});

test('hostile log text is just strings to the schema', () => {
  const result = armResult();
  result.clusters[0]!.example.lines.push({ lineNo: 999, text: ATTACK_TEXT });
  expect(validateReport(JSON.parse(renderJson(buildReport([result], { tool: TOOL })))).valid).toBe(true);
});

describe('broken reports fail with readable errors', () => {
  test('a register as a number', () => {
    const r = rendered();
    r['inputs'][0].clusters[0].example.registers.x0 = 0xaee00000;
    expect(validateReport(r)).toEqual({ valid: false, errors: ['/inputs/0/clusters/0/example/registers/x0: must be string'] });
  });

  test('an address in decimal or upper case', () => {
    const r = rendered();
    r['inputs'][0].clusters[0].vmemmap[0].pageHull.start = '0xFFFF';
    r['inputs'][0].clusters[0].vmemmap[0].layout.constants.vmemmapEnd = '18446741874686296064';
    const { valid, errors } = validateReport(r);
    expect(valid).toBe(false);
    expect(errors).toEqual([
      '/inputs/0/clusters/0/vmemmap/0/pageHull/start: must match pattern "^0x[0-9a-f]+$"',
      '/inputs/0/clusters/0/vmemmap/0/layout/constants/vmemmapEnd: must match pattern "^0x[0-9a-f]+$"',
    ]);
  });

  test('a missing required key, an unknown key and a wrong schema version', () => {
    const r = rendered();
    delete r['inputs'][0].clusters[1].example.lines;
    r['inputs'][0].stats.elapsedMs = 12;
    r['schemaVersion'] = '2.0.0';
    expect(validateReport(r).errors.sort()).toEqual([
      '/inputs/0/clusters/1/example: must have required property \'lines\'',
      '/inputs/0/stats: must NOT have additional properties "elapsedMs"',
      '/schemaVersion: must be equal to constant',
    ].sort());
  });

  test('not an object at all', () => {
    expect(validateReport(null)).toEqual({ valid: false, errors: ['(root): must be object'] });
  });
});
