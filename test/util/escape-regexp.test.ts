import { anyLiteral, escapeRegExp } from '../../src/util/escape-regexp.js';

describe('escapeRegExp', () => {
  test('a pattern of the escaped text matches the text itself', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
  });
});

describe('anyLiteral', () => {
  test('matches any of the literals anywhere, as literals', () => {
    const re = anyLiteral(['x86/fpu: ', 'kernel BUG at', '(?)']);
    expect(re.test('[ 0.1] x86/fpu: Supporting XSAVE')).toBe(true);
    expect(re.test('a (?) b')).toBe(true);
    expect(re.test('x86-fpu: kernel bug at')).toBe(false);
  });

  test('an empty list matches nothing, not everything', () => {
    expect(anyLiteral([]).test('')).toBe(false);
    expect(anyLiteral([]).test('any text')).toBe(false);
  });

  test('takes flags', () => {
    expect(anyLiteral(['a'], 'g').global).toBe(true);
  });
});
