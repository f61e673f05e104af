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

describe('PyYAML escapes in the double-quoted msg (yaml_safe_dump with default_style=\'"\')', () => {
  test.each([
    // \xB5 is µ; \e is ESC, which stripAnsi then removes with its sequence; \0 is a NUL, dropped like raw NULs.
    ['"x1 : ffff\\xB5"', 'x1 : ffffµ'],
    ['"\\e[1mbold\\e[0m"', 'bold'],
    ['"\\0[    0.000000] Linux version 6.1.0"', '[    0.000000] Linux version 6.1.0'],
    ['"\\U0001F600 \\u00b5 \\N\\_\\L\\P"', '\u{1F600} µ \u0085\u00a0\u2028\u2029'],
    // JSON's own escapes are kept as they are.
    ['"a\\"b\\\\c\\td"', 'a"b\\c\td'],
  ])('%s', (msg, text) => {
    const into = {};
    expect(takeLavaLine(`{"dt": "2023-01-10T12:00:00.000000", "lvl": "target", "msg": ${msg}}`, into)).toBe(text);
    expect(into).toEqual({ wallTime: '2023-01-10T12:00:00.000000' });
  });

  test('an escape neither YAML nor JSON knows leaves the line alone', () => {
    expect(takeLavaLine('{"dt": "x", "lvl": "target", "msg": "\\q"}', {})).toBeUndefined();
  });

  // String.fromCodePoint's RangeError had stopped the read ('Invalid code point 4294967295'); PyYAML fails on it too.
  test.each(['\\UFFFFFFFF', '\\U00110000', '\\UD800DC00'])('%s, past U+10FFFF, leaves the line alone', (escape) => {
    expect(takeLavaLine(`{"dt": "x", "lvl": "target", "msg": "WARNING: ${escape}"}`, {})).toBeUndefined();
  });

  test('\\U0010FFFF, the last code point, is read', () => {
    expect(takeLavaLine('{"dt": "x", "lvl": "target", "msg": "a\\U0010FFFF"}', {})).toBe('a\u{10FFFF}');
  });
});
