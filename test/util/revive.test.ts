import { revive } from '../../src/util/revive.js';

class Counter {
  private n = 0;
  bump(): number {
    return ++this.n;
  }
}

test('a structured clone gets its class back, private fields and all', () => {
  const original = new Counter();
  original.bump();
  const cloned = structuredClone(original);
  expect(cloned).not.toBeInstanceOf(Counter);
  const revived = revive(cloned, Counter);
  expect(revived).toBeInstanceOf(Counter);
  expect(revived.bump()).toBe(2);
});
