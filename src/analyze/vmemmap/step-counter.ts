import { toS64, u64 } from '../../layout/u64.js';
import { revive } from '../../util/revive.js';

const MAX_TASKS = 64;
const MAX_STEPS = 32;

/**
 * The most common step between the `start` of consecutive splats of one task: a hot-add loop walks its region one
 * section at a time, so the step is the memmap of one section (reference §5.2). Bounded: tasks and distinct steps are capped.
 */
export class StepCounter {
  private readonly lastStart = new Map<number, bigint>();
  /** Each task's first start: the step from the part of the log before it (absorb). */
  private readonly firstStart = new Map<number, bigint>();
  private readonly counts = new Map<bigint, number>();

  add(task: number, start: bigint): void {
    const previous = this.lastStart.get(task);
    if (previous !== undefined) this.count(toS64(u64(start - previous)), 1);
    else if (this.lastStart.size < MAX_TASKS) this.firstStart.set(task, start);
    if (previous !== undefined || this.lastStart.size < MAX_TASKS) this.lastStart.set(task, start);
  }

  /**
   * Adds the steps of a counter that read the splats after this one's, and the step from each task's last start
   * here to its first start there. Exact while neither counter reached its caps.
   */
  absorb(later: StepCounter): void {
    // Each task's first start there is added as a splat would be: the step across, or a task new here.
    for (const [task, start] of later.firstStart) this.add(task, start);
    for (const [step, n] of later.counts) this.count(step, n);
    for (const [task, start] of later.lastStart) {
      if (this.lastStart.has(task) || this.lastStart.size < MAX_TASKS) this.lastStart.set(task, start);
    }
  }

  static revive(cloned: StepCounter): StepCounter {
    return revive(cloned, StepCounter);
  }

  private count(step: bigint, n: number): void {
    const known = this.counts.get(step);
    if (known !== undefined) this.counts.set(step, known + n);
    else if (this.counts.size < MAX_STEPS) this.counts.set(step, n);
  }

  /**
   * The step seen most often (ties: the smallest magnitude, then the forward one), undefined before two splats of
   * one task. Ties do not depend on the order steps were seen in, so an absorbed counter ties the same way.
   */
  mostCommon(): bigint | undefined {
    let best: [bigint, number] | undefined;
    for (const [step, n] of this.counts) {
      if (!best || n > best[1] || (n === best[1] && tiesBefore(step, best[0]))) best = [step, n];
    }
    return best?.[0];
  }
}

function tiesBefore(a: bigint, b: bigint): boolean {
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  return absA < absB || (absA === absB && a > b);
}
