import { takeLavaLine } from '../../src/parse/prefix-lava.js';
import type { PrefixFields } from '../../src/parse/prefix-rules.js';

test('target output: message and dt', () => {
  const into: PrefixFields = {};
  expect(takeLavaLine('{"dt": "2024-06-11T10:11:12.123456", "lvl": "target", "msg": "[    0.000000] x"}', into)).toBe('[    0.000000] x');
  expect(into).toEqual({ wallTime: '2024-06-11T10:11:12.123456' });
});

test('results entries carry a mapping as msg and are LAVA output', () => {
  const into: PrefixFields = {};
  expect(takeLavaLine('{"dt": "2024-06-11T10:11:12", "lvl": "results", "msg": {"case": "login", "result": "pass"}}', into))
    .toBe('{"case":"login","result":"pass"}');
  expect(into.foreign).toBe(true);
});

test.each(['{"dt": "x"', '{"dt": "x", "lvl": "target"}', 'null'])('not a LAVA entry: %s', (mapping) => {
  expect(takeLavaLine(mapping, {})).toBeUndefined();
});
