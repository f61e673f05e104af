import { compact } from '../../src/report/compact.js';

test('drops undefined keys, keeps falsy values and key order', () => {
  const out = compact({ b: 0, a: undefined, c: false, d: '', e: null });
  expect(Object.keys(out)).toEqual(['b', 'c', 'd', 'e']);
  expect(JSON.stringify(out)).toBe('{"b":0,"c":false,"d":"","e":null}');
});
