import { RULE, RULE_NEEDLE } from '../../src/parse/rule-line.js';

test.each([
  ['='.repeat(66), true],
  ['='.repeat(20), true],
  ['='.repeat(19), false],
  [`${'='.repeat(30)} x`, false],
  [` ${'='.repeat(30)}`, false],
])('%j is a rule: %j', (text, rule) => {
  expect(RULE.test(text)).toBe(rule);
  // Every rule holds the record screen's needle.
  if (rule) expect(text.includes(RULE_NEEDLE)).toBe(true);
});
