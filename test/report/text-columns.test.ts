import { columns } from '../../src/report/text-columns.js';

test('terminal columns: ASCII its length, a CJK character or an emoji two, a combining mark none', () => {
  expect(columns('abc def')).toBe(7);
  expect(columns('全角')).toBe(4);
  expect(columns('\u{1F600}')).toBe(2);
  expect(columns('e\u0301')).toBe(1);
});
