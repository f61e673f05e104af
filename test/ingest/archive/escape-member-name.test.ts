import { escapeMemberName } from '../../../src/ingest/archive/escape-member-name.js';

describe('escapeMemberName', () => {
  test.each([
    ['logs/boot.txt', 'logs/boot.txt'],
    ['red\x1b[31m.txt', 'red\\x1b[31m.txt'],
    ['a\nb\rc\0', 'a\\x0ab\\x0dc\\x00'],
    ['back\\slash', 'back\\\\slash'],
    ['\u202egnp.txt', '\\u{202e}gnp.txt'],
    ['c1\u009b2J', 'c1\\x9b2J'],
    ['ünïcødé.log', 'ünïcødé.log'],
  ])('%j → %j', (name, escaped) => {
    expect(escapeMemberName(name)).toBe(escaped);
  });

  // The characters sanitizeTerminal escapes: two member names had looked the same.
  test.each([
    ['boot\u200b.log', 'boot\\u{200b}.log'],
    ['boot\u00ad\u2061\u{e0041}\ufe0f.log', 'boot\\u{ad}\\u{2061}\\u{e0041}\\u{fe0f}.log'],
    ['\u2028\u2029\u3164', '\\u{2028}\\u{2029}\\u{3164}'],
  ])('Found by a review: invisible %j → %j', (name, escaped) => {
    expect(escapeMemberName(name)).toBe(escaped);
  });
});
