import { TaskQueue } from '../../src/triage/task-queue.js';

const task = (name: string) => ({ path: name, display: name, rel: name, sizeBytes: 1, mtimeMs: 0 });

test('hands out each task once, in order, to whoever asks', () => {
  const queue = new TaskQueue([task('a'), task('b'), task('c')]);
  expect(queue.remaining).toBe(3);
  const first = queue.take();
  const second = queue.take();
  expect([first?.display, second?.display]).toEqual(['a', 'b']);
  expect(queue.remaining).toBe(1);
  expect(queue.take()?.display).toBe('c');
  expect(queue.take()).toBeUndefined();
  expect(queue.remaining).toBe(0);
});

test('two queues over the same shared memory take from one sequence, as a worker and this thread do', () => {
  const tasks = [task('a'), task('b'), task('c'), task('d')];
  const here = new TaskQueue(tasks);
  const there = new TaskQueue(tasks, here.shared);
  expect([here.takeIndexed()?.index, there.takeIndexed()?.index, here.take()?.display, there.take()?.display]).toEqual([0, 1, 'c', 'd']);
  expect(here.remaining).toBe(0);
  expect(there.takeIndexed()).toBeUndefined();
  expect(here.remaining).toBe(0);
});
