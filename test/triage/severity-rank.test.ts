import { SEVERITY_CLASSES, severityClass, severityRank } from '../../src/triage/severity-rank.js';
import type { SplatKind } from '../../src/parse/types.js';

describe('severityClass', () => {
  test.each<[SplatKind, string]>([
    ['panic', 'crash'], ['oops', 'crash'], ['bug', 'crash'], ['kasan', 'crash'], ['kfence', 'crash'],
    ['hung-task', 'hang'], ['rcu-stall', 'hang'], ['soft-lockup', 'hang'], ['lockdep', 'hang'],
    ['warning', 'warning'], ['ubsan', 'warning'], ['other', 'other'],
  ])('%s is a %s', (kind, cls) => {
    expect(severityClass(kind)).toBe(cls);
  });
});

describe('severityRank', () => {
  test('follows SEVERITY_CLASSES: crash before hang before warning before other', () => {
    expect(SEVERITY_CLASSES).toEqual(['crash', 'hang', 'warning', 'other']);
    const ranks = (['oops', 'lockdep', 'warning', 'other'] as const).map(severityRank);
    expect(ranks).toEqual([0, 1, 2, 3]);
  });

  test('kinds of one class rank alike', () => {
    expect(severityRank('panic')).toBe(severityRank('kasan'));
    expect(severityRank('hung-task')).toBe(severityRank('rcu-stall'));
  });
});
