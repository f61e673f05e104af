import type { InputTask } from './input-task.js';

/**
 * Inputs waiting to be analysed, taken in order by whichever runner is free: this thread or a worker. The index
 * of the next input lives in shared memory, so a worker takes its next input without a round trip through this
 * thread (which may be busy analysing an input of its own).
 */
export class TaskQueue {
  private readonly next: Int32Array;

  /** `shared`: the memory of another thread's queue over the same tasks, to take from the same sequence. */
  constructor(
    readonly tasks: readonly InputTask[],
    shared: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
  ) {
    this.next = new Int32Array(shared);
  }

  get shared(): SharedArrayBuffer {
    return this.next.buffer as SharedArrayBuffer;
  }

  take(): InputTask | undefined {
    return this.takeIndexed()?.task;
  }

  takeIndexed(): { index: number; task: InputTask } | undefined {
    if (Atomics.load(this.next, 0) >= this.tasks.length) return undefined;
    const index = Atomics.add(this.next, 0, 1);
    const task = this.tasks[index];
    return task && { index, task };
  }

  get remaining(): number {
    return Math.max(0, this.tasks.length - Atomics.load(this.next, 0));
  }
}
