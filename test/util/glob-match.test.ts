import fc from 'fast-check';
import { globMatch } from '../../src/util/glob-match.js';

/** The regex a glob used to become: what globMatch must agree with, on text without line breaks. */
function viaRegex(pattern: string, text: string): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`).test(text);
}

describe('globMatch', () => {
  test.each([
    ['WARNING in mvpp2_*', 'WARNING in mvpp2_bm_pool_destroy', true],
    ['WARNING in mvpp2_*', 'xWARNING in mvpp2_x', false],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*a*b', 'xxaxxbxxb', true],
    ['*a*b', 'xxaxxbxxc', false],
    ['a.b', 'axb', false],
    ['(x)+[y]', '(x)+[y]', true],
    ['**', 'anything', true],
  ])('%s on %s → %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
    expect(viaRegex(pattern, text)).toBe(expected);
  });

  test('agrees with the regex form on random globs and texts', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', '(', ' '), maxLength: 14 });
    const pattern = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?', '.', '('), maxLength: 8 });
    fc.assert(
      fc.property(pattern, text, (p, t) => globMatch(p, t) === viaRegex(p, t)),
      { numRuns: 3000 },
    );
  });

  // The crafted title of the review: as a regex, `WARNING*drivers*drivers*x` took over 60 s on 55 KB.
  test('a crafted 64 KiB title against a glob of many stars takes milliseconds', () => {
    const title = `WARNING: CPU: 2 PID: 87 at ${'at drivers '.repeat(6000)}`;
    const started = performance.now();
    expect(globMatch('WARNING*drivers*drivers*x', title)).toBe(false);
    expect(globMatch('*a*a*a*a*a*a*b', title)).toBe(false);
    expect(globMatch('*at *at *at *zz', title)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
