import { inferred, weakest } from '../../src/layout/inferred.js';

test('inferred builds a value with provenance', () => {
  expect(inferred(48, 'log', 'high', { lineNo: 3, text: 'x' })).toEqual({ value: 48, source: { kind: 'log', lineNo: 3, text: 'x' }, confidence: 'high' });
});

test('weakest picks the lowest confidence', () => {
  expect(weakest('high', 'medium', 'high')).toBe('medium');
  expect(weakest('high', 'low', 'medium')).toBe('low');
  expect(weakest()).toBe('high');
});
