import type { InputTask } from './input-task.js';

/** Inputs waiting to be analysed, taken in order by whichever runner (this thread or a worker) is free. */
export class TaskQueue {
  private next = 0;

  constructor(private readonly tasks: readonly InputTask[]) {}

  take(): InputTask | undefined {
    const task = this.tasks[this.next];
    if (task !== undefined) this.next++;
    return task;
  }

  get remaining(): number {
    return this.tasks.length - this.next;
  }
}
