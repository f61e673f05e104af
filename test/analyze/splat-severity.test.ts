import { isCrash, SEVERITY_ORDER, severityRank } from '../../src/analyze/splat-severity.js';
import type { SplatKind } from '../../src/parse/types.js';

const EVERY_KIND: Record<SplatKind, true> = {
  warning: true, bug: true, oops: true, panic: true, 'hung-task': true, 'rcu-stall': true, 'soft-lockup': true,
  kasan: true, kfence: true, ubsan: true, lockdep: true, other: true,
};

test('every splat kind has exactly one rank', () => {
  expect([...SEVERITY_ORDER].sort()).toEqual(Object.keys(EVERY_KIND).sort());
});

test('a crash outranks memory corruption, which outranks a stall, which outranks a WARN', () => {
  expect(severityRank('panic')).toBeLessThan(severityRank('oops'));
  expect(severityRank('oops')).toBeLessThan(severityRank('kasan'));
  expect(severityRank('kasan')).toBeLessThan(severityRank('hung-task'));
  expect(severityRank('rcu-stall')).toBeLessThan(severityRank('warning'));
  expect(severityRank('warning')).toBeLessThan(severityRank('other'));
});

test('only panics and Oopses are crashes', () => {
  expect((Object.keys(EVERY_KIND) as SplatKind[]).filter(isCrash).sort()).toEqual(['oops', 'panic']);
});
