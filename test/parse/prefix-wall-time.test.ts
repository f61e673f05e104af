import { datedWallTime, yearlessWallTime } from '../../src/parse/prefix-wall-time.js';

test('year-less stamp pads a space-padded day', () => {
  expect(yearlessWallTime('May', ' 2', '10:11:12')).toBe('--05-02T10:11:12');
  expect(yearlessWallTime('Dec', '31', '23:59:59.999999')).toBe('--12-31T23:59:59.999999');
});

test('dated stamp', () => {
  expect(datedWallTime('2023', 'Jan', '2', '00:00:01')).toBe('2023-01-02T00:00:01');
});
