import { progressEnabled } from '../../src/triage/progress-policy.js';

describe('progressEnabled', () => {
  test.each([
    [{ isTTY: true }, true],
    [{ isTTY: false }, false],
    [{ isTTY: true, ci: 'true' }, false],
    [{ isTTY: true, ci: '0' }, true],
    [{ isTTY: true, quiet: true }, false],
    // A pty with no size set (under `script`): ora would clear lines without end.
    [{ isTTY: true, columns: 0 }, false],
    [{ isTTY: true, columns: 80 }, true],
  ])('enabled for %j: %s', (env, enabled) => {
    expect(progressEnabled(env)).toBe(enabled);
  });
});
