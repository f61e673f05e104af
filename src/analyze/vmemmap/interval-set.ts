import { revive } from '../../util/revive.js';

/** A half-open bigint interval [start, end). */
export interface Interval {
  start: bigint;
  end: bigint;
}

/**
 * A union of half-open intervals kept merged and sorted, with at most `cap` pieces: past the cap the two pieces
 * with the smallest gap are joined (the union grows by that gap), so memory stays bounded for any storm and
 * `coarsened` says the union is an over-approximation.
 */
export class IntervalSet {
  private pieces: Interval[] = [];
  coarsened = false;

  constructor(private readonly cap = 64) {
    if (cap < 1) throw new RangeError('IntervalSet cap must be at least 1');
  }

  add(start: bigint, end: bigint): void {
    if (end <= start) return;
    const at = this.firstEndingAtOrAfter(start);
    let last = at;
    let merged: Interval = { start, end };
    while (last < this.pieces.length) {
      const piece = this.pieces[last]!;
      if (piece.start > merged.end) break;
      merged = { start: min(piece.start, merged.start), end: max(piece.end, merged.end) };
      last += 1;
    }
    this.pieces.splice(at, last - at, merged);
    if (this.pieces.length > this.cap) this.joinClosestPair();
  }

  /** Adds another set's pieces; exact while neither set was coarsened and the union fits the cap. */
  absorb(other: IntervalSet): void {
    for (const piece of other.pieces) this.add(piece.start, piece.end);
    if (other.coarsened) this.coarsened = true;
  }

  static revive(cloned: IntervalSet): IntervalSet {
    return revive(cloned, IntervalSet);
  }

  /** The merged pieces in ascending order. */
  intervals(): Interval[] {
    return this.pieces.map((p) => ({ ...p }));
  }

  hull(): Interval | undefined {
    const first = this.pieces[0];
    const last = this.pieces[this.pieces.length - 1];
    return first && last ? { start: first.start, end: last.end } : undefined;
  }

  /** Total length covered. */
  size(): bigint {
    return this.pieces.reduce((sum, p) => sum + (p.end - p.start), 0n);
  }

  private firstEndingAtOrAfter(x: bigint): number {
    let lo = 0;
    let hi = this.pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pieces[mid]!.end < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private joinClosestPair(): void {
    let best = 0;
    let bestGap: bigint | undefined;
    for (let i = 0; i + 1 < this.pieces.length; i++) {
      const gap = this.pieces[i + 1]!.start - this.pieces[i]!.end;
      if (bestGap === undefined || gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    const left = this.pieces[best]!;
    const right = this.pieces[best + 1]!;
    this.pieces.splice(best, 2, { start: left.start, end: right.end });
    this.coarsened = true;
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
