import { subsectionsIn } from '../../src/layout/subsection-history.js';

// Found by a review: subsections (f46edbd1b151) came in 5.3; 4.x layouts were given them.
test.each([
  ['E1', '5.2.0', 'no'],
  ['E1', '5.3.0', 'yes'],
  ['E1', undefined, 'some'],
  ['E0', undefined, 'no'],
  ['E0b', undefined, 'no'],
  ['E2', undefined, 'yes'],
  ['E4', undefined, 'yes'],
] as const)('%s %s: %s (Found by a review)', (era, release, expected) => {
  expect(subsectionsIn(era, release)).toBe(expected);
});
