/**
 * Buffers in rotation once recycling is on: a chunk is written again when its consumer asks for the eighth chunk
 * after it, so the consumer must copy whatever it keeps of a chunk before then (the analyzer copies at once,
 * feed-lines.ts).
 */
export const RECYCLED_BUFFERS = 8;

/**
 * Buffers of one size for the chunks a reader hands to its consumer. While `recycling()` says no, each chunk is a
 * fresh buffer. Once it says yes, a buffer handed out is taken again when RECYCLED_BUFFERS − 1 more have been handed
 * out after it: the reader allocates nothing once it has run a while, and nothing it handed out is left for V8 to
 * collect late (fresh buffers for each 46 MB bzip2 block had doubled the peak RSS). It may turn to yes while the
 * reader runs (triage, once it has seen a plain log's head); the chunks handed out before are never written again.
 */
export class ChunkPool {
  private readonly free: Buffer[] = [];
  private readonly inUse: Buffer[] = [];

  constructor(
    private readonly bytes: number,
    private readonly recycling: () => boolean,
  ) {}

  /** A buffer to write a chunk into: a free one, else a new one. Its contents are whatever it held. */
  take(): Buffer {
    if (!this.recycling()) return Buffer.allocUnsafe(this.bytes);
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.bytes);
  }

  /** `buffer` (or the start of it) is being handed to the consumer. */
  handOut(buffer: Buffer): void {
    if (!this.recycling()) return;
    this.inUse.push(buffer);
    if (this.inUse.length >= RECYCLED_BUFFERS) this.free.push(this.inUse.shift()!);
  }
}

/** A ChunkPool that never recycles. */
export const RECYCLE_NEVER = (): boolean => false;
