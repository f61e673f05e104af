import { mapStrings } from '../../src/report/map-strings.js';

test('maps every string value deep in objects and arrays, leaves keys and other values', () => {
  const input = { 'a b': 'x', n: 1, t: true, list: ['y', { z: 'w' }], nothing: null };
  expect(mapStrings(input, (s) => s.toUpperCase())).toEqual({ 'a b': 'X', n: 1, t: true, list: ['Y', { z: 'W' }], nothing: null });
  expect(input.list[0]).toBe('y');
});
