import { logsInSeveral, logsInSeveralWarning } from '../../src/triage/logs-in-several.js';

const summary = (...names: string[]) => ({ logs: names.map((name) => ({ name })) });

test('the logs more than one summary holds, sorted, each once', () => {
  expect(logsInSeveral([summary('b.log', 'a.log'), summary('c.log', 'b.log'), summary('a.log', 'b.log')])).toEqual(['a.log', 'b.log']);
  // A log twice in one summary (two members of one archive run) is that summary's own business.
  expect(logsInSeveral([summary('a.log', 'a.log'), summary('b.log')])).toEqual([]);
});

test('the warning names how many and the first', () => {
  expect(logsInSeveralWarning([summary('a.log'), summary('b.log')])).toBeUndefined();
  expect(logsInSeveralWarning([summary('a.log'), summary('a.log')])).toBe('1 log(s) appear in more than one summary and are counted once per summary (a.log)');
  expect(logsInSeveralWarning([summary('b.log', 'a.log'), summary('a.log', 'b.log')])).toBe(
    '2 log(s) appear in more than one summary and are counted once per summary (a.log, …)',
  );
});
