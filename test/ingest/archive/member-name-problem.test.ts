import { memberNameProblem } from '../../../src/ingest/archive/member-name-problem.js';

describe('memberNameProblem', () => {
  test.each(['a.txt', 'dir/a.txt', 'a..b/c', './a.txt'])('%s is fine', (name) => {
    expect(memberNameProblem(name)).toBeUndefined();
  });

  test.each([
    ['/etc/passwd', /absolute/],
    ['\\windows\\x', /absolute/],
    ['C:\\x', /absolute/],
    ['../x', /\.\./],
    ['a/../../x', /\.\./],
    ['a\\..\\x', /\.\./],
    ['', /empty/],
  ])('%j is reported', (name, why) => {
    expect(memberNameProblem(name)).toMatch(why);
  });
});
