import { commonDirectory, commonPrefix } from '../../src/triage/common-directory.js';

describe('commonPrefix', () => {
  test('the leading elements every list shares', () => {
    expect(commonPrefix([['a', 'b', 'c'], ['a', 'b', 'd'], ['a', 'b']])).toEqual(['a', 'b']);
    expect(commonPrefix([['a'], ['b']])).toEqual([]);
  });

  test('one list is its own prefix; no lists share nothing', () => {
    expect(commonPrefix([['x', 'y']])).toEqual(['x', 'y']);
    expect(commonPrefix([])).toEqual([]);
  });
});

describe('commonDirectory', () => {
  test('the deepest directory all names lie in, with its slash', () => {
    expect(commonDirectory(['/srv/logs/a/x.log', '/srv/logs/b/y.log', '/srv/logs/a/z.log'])).toBe('/srv/logs/');
    expect(commonDirectory(['logs/a/x.log', 'logs/a/y.log'])).toBe('logs/a/');
  });

  test('a single name: its directory', () => {
    expect(commonDirectory(['/srv/logs/x.log'])).toBe('/srv/logs/');
  });

  test('a directory name that only starts alike is no common directory', () => {
    expect(commonDirectory(['/srv/logs-a/x.log', '/srv/logs-b/y.log'])).toBe('/srv/');
  });

  test('archive members: the path inside the archive counts as directories too', () => {
    expect(commonDirectory(['ci/run.tgz:boot/a.log', 'ci/run.tgz:boot/b.log'])).toBe('ci/run.tgz:boot/');
  });

  test('none when only the root or nothing is shared', () => {
    expect(commonDirectory(['/a.log', '/srv/b.log'])).toBe('');
    expect(commonDirectory(['a.log', 'logs/b.log'])).toBe('');
    expect(commonDirectory([])).toBe('');
  });
});
