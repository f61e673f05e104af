import { reportFileStem } from '../../src/triage/out-dir.js';

describe('reportFileStem', () => {
  test('readable, maps back to the path, safe as a file name', () => {
    expect(reportFileStem('/var/log/ci/boot.log.gz')).toMatch(/^var_log_ci_boot\.log\.gz\.[0-9a-f]{10}$/);
    expect(reportFileStem('logs.tgz:../../etc/passwd')).toMatch(/^logs\.tgz_\.\._\.\._etc_passwd\.[0-9a-f]{10}$/);
    expect(reportFileStem('..')).toMatch(/^_\.[0-9a-f]{10}$/);
  });

  test('names that sanitize alike do not collide; the same name is stable', () => {
    expect(reportFileStem('a/b.log')).not.toBe(reportFileStem('a:b.log'));
    expect(reportFileStem('a/b.log')).toBe(reportFileStem('a/b.log'));
  });

  test('long names are cut in the middle, keeping the file name', () => {
    const stem = reportFileStem(`${'deep/'.repeat(60)}boot.log`);
    expect(stem.length).toBeLessThan(120);
    expect(stem).toMatch(/boot\.log\.[0-9a-f]{10}$/);
  });

  // Found by a review: the same member of t.tar, t.tar.gz and z.zip became `_._d_syzkaller__…`, `gz_d_…`, `ip_d_…`.
  test('a long member name keeps the archive it came from', () => {
    const member = `d/syzkaller__report_536__${'x'.repeat(90)}.txt`;
    for (const archive of ['in/t.tar', 'in/t.tar.gz', 'in/z.zip']) {
      const stem = reportFileStem(`${archive}:${member}`);
      expect(stem.startsWith(archive.replace('/', '_'))).toBe(true);
      expect(stem).toMatch(/x\.txt\.[0-9a-f]{10}$/);
      // 40 of head, `__`, 58 of tail, the hash.
      expect(stem.length).toBe(100 + 1 + 10);
    }
  });

  test('a name that starts with a dot after sanitizing makes no hidden file', () => {
    expect(reportFileStem(`.${'a'.repeat(99)}`)).toMatch(/^_a{99}\.[0-9a-f]{10}$/);
    expect(reportFileStem(`..${'a'.repeat(200)}`)).toMatch(/^_a{38}__a{58}\.[0-9a-f]{10}$/);
  });
});
