import { revive } from '../util/revive.js';
import { ownCopy } from '../util/own-copy.js';

/**
 * A set that stops growing at `cap` values and remembers that it overflowed; values come out sorted. It keeps its
 * strings as copies of its own, not as pieces of the log's text (own-copy.ts).
 */
export class BoundedSet<T extends string | number> {
  private readonly values = new Set<T>();
  overflowed = false;

  constructor(private readonly cap: number) {}

  add(value: T | undefined): void {
    if (value === undefined || this.values.has(value)) return;
    if (this.values.size >= this.cap) {
      this.overflowed = true;
      return;
    }
    this.values.add(typeof value === 'string' ? (ownCopy(value) as T) : value);
  }

  /** Adds what a set filled from later values holds: the result is what this set would hold had it seen them. */
  absorb(later: BoundedSet<T>): void {
    for (const value of later.values) this.add(value);
    if (later.overflowed) this.overflowed = true;
  }

  static revive<T extends string | number>(cloned: BoundedSet<T>): BoundedSet<T> {
    return revive(cloned, BoundedSet<T>);
  }

  sorted(): T[] {
    return [...this.values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
