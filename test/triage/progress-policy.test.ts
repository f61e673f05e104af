import { progressEnabled } from '../../src/triage/progress-policy.js';

describe('progressEnabled', () => {
  test.each([
    [{ isTTY: true }, true],
    [{ isTTY: false }, false],
    [{ isTTY: true, ci: 'true' }, false],
    [{ isTTY: true, ci: '0' }, true],
    [{ isTTY: true, quiet: true }, false],
  ])('enabled for %j: %s', (env, enabled) => {
    expect(progressEnabled(env)).toBe(enabled);
  });
});
