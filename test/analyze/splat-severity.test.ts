import {
  classRank, clusterClass, endedInPanic, isPanicOrOops, kindRank, kindsOf, SEVERITY_CLASSES, SEVERITY_ORDER, severityClass, worstClass,
} from '../../src/analyze/splat-severity.js';
import type { SplatKind } from '../../src/parse/types.js';

const EVERY_KIND: Record<SplatKind, true> = {
  warning: true, bug: true, oops: true, panic: true, 'hung-task': true, 'rcu-stall': true, 'soft-lockup': true, 'hard-lockup': true,
  kasan: true, kfence: true, ubsan: true, lockdep: true, other: true,
};

describe('severityClass', () => {
  test.each<[SplatKind, string]>([
    ['panic', 'crash'], ['oops', 'crash'], ['bug', 'crash'], ['kasan', 'crash'], ['kfence', 'crash'],
    ['hung-task', 'hang'], ['rcu-stall', 'hang'], ['soft-lockup', 'hang'], ['lockdep', 'hang'],
    ['warning', 'warning'], ['ubsan', 'warning'], ['other', 'other'],
  ])('%s is a %s', (kind, cls) => {
    expect(severityClass(kind)).toBe(cls);
  });
});

describe('classRank', () => {
  test('follows SEVERITY_CLASSES: crash before hang before warning before other', () => {
    expect(SEVERITY_CLASSES).toEqual(['crash', 'hang', 'warning', 'other']);
    expect((['oops', 'lockdep', 'warning', 'other'] as const).map(classRank)).toEqual([0, 1, 2, 3]);
  });

  test('kinds of one class rank alike', () => {
    expect(classRank('panic')).toBe(classRank('kasan'));
    expect(classRank('hung-task')).toBe(classRank('rcu-stall'));
  });
});

describe('kindRank', () => {
  test('every splat kind has exactly one place', () => {
    expect([...SEVERITY_ORDER].sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  test('within the classes: the kernel dying before memory misuse before a BUG; a WARN before UBSAN', () => {
    expect(kindRank('panic')).toBeLessThan(kindRank('oops'));
    expect(kindRank('oops')).toBeLessThan(kindRank('kasan'));
    expect(kindRank('kfence')).toBeLessThan(kindRank('bug'));
    expect(kindRank('warning')).toBeLessThan(kindRank('ubsan'));
  });

  test('never against the classes: a kind of a worse class always ranks first', () => {
    for (const a of SEVERITY_ORDER) {
      for (const b of SEVERITY_ORDER) if (classRank(a) < classRank(b)) expect(kindRank(a)).toBeLessThan(kindRank(b));
    }
  });
});

const ofKinds = (kinds: SplatKind[]) => kinds.map((kind) => ({ kind }));

describe('worstClass', () => {
  test('the most severe class of the clusters, whatever their order', () => {
    expect(worstClass(ofKinds(['warning', 'lockdep', 'other']))).toBe('hang');
    expect(worstClass(ofKinds(['other', 'ubsan', 'kfence', 'warning']))).toBe('crash');
    expect(worstClass(ofKinds(['other']))).toBe('other');
  });

  test('a WARNING the kernel panicked after is a crash', () => {
    expect(worstClass([{ kind: 'lockdep' }, { kind: 'warning', panickedCount: 1 }])).toBe('crash');
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
    expect(kindsOf('hang')).toEqual(['hung-task', 'rcu-stall', 'soft-lockup', 'hard-lockup', 'lockdep']);
    expect(kindsOf('other')).toEqual(['other']);
  });
});

test('only panics and Oopses are what a report names first', () => {
  expect((Object.keys(EVERY_KIND) as SplatKind[]).filter(isPanicOrOops).sort()).toEqual(['oops', 'panic']);
});

describe('endedInPanic', () => {
  test('a panic, or a report a `Kernel panic - not syncing` escalated', () => {
    expect(endedInPanic({ kind: 'panic' })).toBe(true);
    expect(endedInPanic({ kind: 'warning', escalations: ['Kernel panic - not syncing: panic_on_warn set ...'] })).toBe(true);
    expect(endedInPanic({ kind: 'oops', escalations: ['Kernel panic - not syncing: Fatal exception'] })).toBe(true);
  });

  test('an Oops alone, or one an `Internal error:` escalated, may have killed only its task', () => {
    expect(endedInPanic({ kind: 'oops' })).toBe(false);
    expect(endedInPanic({ kind: 'bug', escalations: ['Internal error: Oops - BUG: 00000000f2000800 [#1] SMP'] })).toBe(false);
    expect(endedInPanic({ kind: 'warning', escalations: [] })).toBe(false);
  });
});

describe('clusterClass', () => {
  test('the class of the kind, unless the kernel panicked after a splat of the cluster', () => {
    expect(clusterClass({ kind: 'warning' })).toBe('warning');
    expect(clusterClass({ kind: 'warning', panickedCount: 1 })).toBe('crash');
    expect(clusterClass({ kind: 'lockdep', panickedCount: 2 })).toBe('crash');
  });
});
