import { palette } from '../../src/report/colour.js';

test('enabled: ANSI SGR around the text', () => {
  const p = palette(true);
  expect(p.red('x')).toBe('\x1b[31mx\x1b[39m');
  expect(p.bold('x')).toBe('\x1b[1mx\x1b[22m');
  expect(p.bold('')).toBe('');
});

test('disabled: text unchanged', () => {
  const p = palette(false);
  for (const style of [p.bold, p.dim, p.red, p.yellow]) expect(style('x')).toBe('x');
});
