import { kindsOf, SEVERITY_CLASSES, severityClass, severityRank, worstClass } from '../../src/triage/severity-rank.js';
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

describe('worstClass', () => {
  test('the most severe class of the kinds, whatever their order', () => {
    expect(worstClass(['warning', 'lockdep', 'other'])).toBe('hang');
    expect(worstClass(['other', 'ubsan', 'kfence', 'warning'])).toBe('crash');
    expect(worstClass(['other'])).toBe('other');
  });

  test('none for no kinds', () => {
    expect(worstClass([])).toBeUndefined();
  });
});

describe('kindsOf', () => {
  test('each kind is in exactly one class', () => {
    const all = SEVERITY_CLASSES.flatMap(kindsOf);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((kind) => kindsOf(severityClass(kind)).includes(kind))).toBe(true);
  });

  test('the kinds of a class', () => {
    expect(kindsOf('hang')).toEqual(['hung-task', 'rcu-stall', 'soft-lockup', 'lockdep']);
    expect(kindsOf('other')).toEqual(['other']);
  });
});
