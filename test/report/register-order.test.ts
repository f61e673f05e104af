import { registerOrder } from '../../src/report/register-order.js';

test('x registers from high to low, then others in their printed order', () => {
  expect(registerOrder(['x0', 'x10', 'x2', 'x30', 'x9', 'x29'])).toEqual(['x30', 'x29', 'x10', 'x9', 'x2', 'x0']);
  expect(registerOrder(['rax', 'x1', 'rbx', 'x3'])).toEqual(['x3', 'x1', 'rax', 'rbx']);
});
