/** A zip local file header's fixed part (APPNOTE 4.3.7); its name and extra field follow, then the data. */
const LOCAL_HEADER_BYTES = 30;

/**
 * The byte ranges the zip's members take, to tell a member whose data lies inside another's: overlapping entries are
 * how a small zip names one member's data thousands of times (a "better zip bomb"); no zip tool writes them. Each
 * range is the least a member can take (its fixed header and its compressed data), so members of a sound zip never
 * overlap. Kept sorted by start: central directories list members mostly in order, so adding is mostly appending.
 */
export class ZipExtents {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Records the member at `offset` with `compressedSize` bytes of data; false when it overlaps one recorded. */
  add(offset: number, compressedSize: number): boolean {
    const start = offset;
    const end = offset + LOCAL_HEADER_BYTES + compressedSize;
    const at = this.insertionPoint(start);
    const before = at - 1;
    if (before >= 0 && (this.ends[before] ?? 0) > start) return false;
    if (at < this.starts.length && (this.starts[at] ?? 0) < end) return false;
    this.starts.splice(at, 0, start);
    this.ends.splice(at, 0, end);
    return true;
  }

  /** The index of the first range starting after `start` (ranges starting at the same byte count as before it). */
  private insertionPoint(start: number): number {
    let [lo, hi] = [0, this.starts.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
