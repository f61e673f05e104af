import { toS64, u64 } from '../../layout/u64.js';

const MAX_TASKS = 64;
const MAX_STEPS = 32;

/**
 * The most common step between the `start` of consecutive splats of one task: a hot-add loop walks its region one
 * section at a time, so the step is the memmap of one section (reference §5.2). Bounded: tasks and distinct steps are capped.
 */
export class StepCounter {
  private readonly lastStart = new Map<number, bigint>();
  private readonly counts = new Map<bigint, number>();

  add(task: number, start: bigint): void {
    const previous = this.lastStart.get(task);
    if (previous !== undefined) {
      const step = toS64(u64(start - previous));
      const known = this.counts.get(step);
      if (known !== undefined) this.counts.set(step, known + 1);
      else if (this.counts.size < MAX_STEPS) this.counts.set(step, 1);
    }
    if (previous !== undefined || this.lastStart.size < MAX_TASKS) this.lastStart.set(task, start);
  }

  /** The step seen most often (ties: the smallest magnitude), undefined before two splats of one task. */
  mostCommon(): bigint | undefined {
    let best: [bigint, number] | undefined;
    for (const [step, n] of this.counts) {
      const abs = step < 0n ? -step : step;
      if (!best || n > best[1] || (n === best[1] && abs < (best[0] < 0n ? -best[0] : best[0]))) best = [step, n];
    }
    return best?.[0];
  }
}
