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
