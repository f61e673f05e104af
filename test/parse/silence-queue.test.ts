import { SilenceQueue, type Silenced } from '../../src/parse/silence-queue.js';

interface Entry extends Silenced<Entry> {
  name: string;
}
const entry = (name: string): Entry => ({ name, heardAt: 0, prev: undefined, next: undefined, queue: undefined });

function names(q: SilenceQueue<Entry>): string[] {
  const out: string[] = [];
  for (let e = q.first; e; e = e.next) out.push(e.name);
  return out;
}

test('entries run from the longest silent; one that prints moves to the back', () => {
  const q = new SilenceQueue<Entry>(256);
  const [a, b, c] = [entry('a'), entry('b'), entry('c')];
  for (const e of [a, b, c]) q.moveToBack(e);
  expect(names(q)).toEqual(['a', 'b', 'c']);
  q.moveToBack(a);
  expect(names(q)).toEqual(['b', 'c', 'a']);
  expect([q.isLast(a), q.isLast(c)]).toEqual([true, false]);
  q.remove(c);
  expect(names(q)).toEqual(['b', 'a']);
  q.remove(b);
  q.remove(a);
  expect([names(q), q.first, a.queue]).toEqual([[], undefined, undefined]);
});

test('moving to another queue takes the entry out of the first; removing from the wrong queue does nothing', () => {
  const [before, past] = [new SilenceQueue<Entry>(4096), new SilenceQueue<Entry>(256)];
  const [a, b] = [entry('a'), entry('b')];
  before.moveToBack(a);
  before.moveToBack(b);
  past.moveToBack(a);
  expect([names(before), names(past), a.queue === past]).toEqual([['b'], ['a'], true]);
  before.remove(a);
  expect(names(past)).toEqual(['a']);
});
