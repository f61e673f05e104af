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

  test('long names are cut from the front, keeping the file name', () => {
    const stem = reportFileStem(`${'deep/'.repeat(60)}boot.log`);
    expect(stem.length).toBeLessThan(120);
    expect(stem).toMatch(/boot\.log\.[0-9a-f]{10}$/);
  });

  test('a tail that starts with a dot after the cut still makes no hidden file', () => {
    // 1 dot and 99 letters: 100 characters, the dot kept by the cut of the last 100.
    expect(reportFileStem(`dot/.${'a'.repeat(99)}`)).toMatch(/^_a{99}\.[0-9a-f]{10}$/);
  });
});
