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
