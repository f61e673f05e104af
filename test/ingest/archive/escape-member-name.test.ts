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
});
