import { isKnown, parseIgnoreList } from '../../src/triage/ignore-list.js';
import { InputError } from '../../src/errors.js';

describe('ignore list', () => {
  const list = parseIgnoreList([
    '# known noise',
    '0a1b2c3d',
    'WARNING in mvpp2_*   # glob over the title',
    '/^BUG: soft lockup/i',
    '',
  ].join('\n'));

  test.each([
    [{ id: '0a1b2c3d', title: 'anything' }, true],
    [{ id: 'ffff0000', title: 'WARNING in mvpp2_bm_pool_destroy' }, true],
    [{ id: 'ffff0000', title: 'bug: SOFT LOCKUP - CPU#1 stuck' }, true],
    [{ id: 'ffff0000', title: 'WARNING in vmemmap_populate' }, false],
    [{ id: 'ffff0000', title: 'xWARNING in mvpp2_x' }, false],
  ])('%j → %s', (cluster, known) => {
    expect(isKnown(cluster, list)).toBe(known);
  });

  test('a bad regular expression is an input error (exit 3) naming the line', () => {
    expect(() => parseIgnoreList('ok\n/(/', 'known.txt')).toThrow(InputError);
    expect(() => parseIgnoreList('ok\n/(/', 'known.txt')).toThrow(/known\.txt:2/);
  });
});

test('a /re/g or /re/y pattern matches every title alike: the flags that keep a position between tests are dropped', () => {
  const list = parseIgnoreList('/WARNING/g\n/^BUG/y', 'known.txt');
  const titles = ['WARNING in a', 'WARNING in b', 'WARNING in c', 'BUG: x', 'BUG: y'];
  expect(titles.map((title) => isKnown({ id: 'none', title }, list))).toEqual([true, true, true, true, true]);
});

// Found by review: the glob became `^WARNING.*drivers.*drivers.*x$`, which took over a minute on a 55 KB title.
test('a glob tested against a crafted 64 KiB title does not backtrack', () => {
  const list = parseIgnoreList('WARNING*drivers*drivers*x\n*a*a*a*a*a*a*b', 'known.txt');
  const title = `WARNING in ${'at drivers '.repeat(6000)}`;
  const started = performance.now();
  expect(isKnown({ id: 'none', title }, list)).toBe(false);
  expect(isKnown({ id: 'none', title: `${title}x` }, list)).toBe(true);
  expect(performance.now() - started).toBeLessThan(2000);
});
