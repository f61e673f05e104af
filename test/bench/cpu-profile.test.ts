import { renderProfileSummary, summarizeProfile, type CpuProfile } from '../../bench/lib/cpu-profile.mjs';

const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'file:///repo/dist/x.js', lineNumber });

/** root → a → b → a (recursion); root → c. Each sample's time is the delta that follows it. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 4] },
    { id: 2, callFrame: frame('a', 0), children: [3] },
    { id: 3, callFrame: frame('b', 9), children: [5] },
    { id: 4, callFrame: frame('c', 19) },
    { id: 5, callFrame: frame('a', 0) },
  ],
  samples: [3, 3, 2, 4, 5, 4],
  timeDeltas: [0, 10_000, 10_000, 10_000, 10_000, 10_000],
};

describe('summarizeProfile', () => {
  const summary = summarizeProfile(PROFILE, '/repo');
  const fn = (name: string) => summary.functions.find((f) => f.name === name);

  test('charges each sample to the sampled function as self time', () => {
    expect(summary.totalMs).toBe(50);
    expect([fn('a')?.selfMs, fn('b')?.selfMs, fn('c')?.selfMs]).toEqual([20, 20, 10]);
  });

  test('charges it as total time once to every function on the stack, recursion included', () => {
    expect([fn('a')?.totalMs, fn('b')?.totalMs, fn('c')?.totalMs]).toEqual([40, 30, 10]);
    expect(fn('a')?.totalPercent).toBe(80);
  });

  test('leaves out the root and names locations by repo path', () => {
    expect(fn('(root)')).toBeUndefined();
    expect(fn('b')?.location).toBe('dist/x.js:10');
  });

  test('renders both tables', () => {
    const text = renderProfileSummary(summary, 2);
    expect(text).toContain('| 1 | 80.0 | 40 | `a` | dist/x.js:1 |');
    expect(text).toContain('| self % by file | file |');
  });
});
