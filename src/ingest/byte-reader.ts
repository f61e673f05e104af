/** Pulls bytes from a chunk stream by count, with room to push back what a decoder did not use. */
export class ByteReader {
  private readonly pending: Buffer[] = [];
  private readonly source: AsyncIterator<Buffer>;
  private exhausted = false;

  constructor(chunks: AsyncIterable<Buffer>) {
    this.source = chunks[Symbol.asyncIterator]();
  }

  /** The next chunk, pushed-back bytes first, at most `maxBytes` of it (the rest is held); undefined at the end. */
  async next(maxBytes = Infinity): Promise<Buffer | undefined> {
    const chunk = await this.nextWhole();
    if (chunk === undefined || chunk.length <= maxBytes) return chunk;
    this.unshift(chunk.subarray(maxBytes));
    return chunk.subarray(0, maxBytes);
  }

  private async nextWhole(): Promise<Buffer | undefined> {
    const held = this.pending.shift();
    if (held) return held;
    while (!this.exhausted) {
      const { value, done } = await this.source.next();
      if (done) this.exhausted = true;
      else if (value.length > 0) return value;
    }
    return undefined;
  }

  /** Stops the source early (a decoder that gave up): a file it reads is closed. */
  async close(): Promise<void> {
    this.exhausted = true;
    await this.source.return?.();
  }

  unshift(bytes: Buffer): void {
    if (bytes.length > 0) this.pending.unshift(bytes);
  }

  /** Up to `count` bytes; fewer only at the end. */
  async take(count: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let have = 0;
    while (have < count) {
      const chunk = await this.next();
      if (!chunk) break;
      const used = chunk.subarray(0, count - have);
      this.unshift(chunk.subarray(used.length));
      parts.push(used);
      have += used.length;
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  /** Skips up to and including the next zero byte; false when the data ends first. */
  async skipPastZero(): Promise<boolean> {
    for (let chunk = await this.next(); chunk; chunk = await this.next()) {
      const at = chunk.indexOf(0);
      if (at !== -1) {
        this.unshift(chunk.subarray(at + 1));
        return true;
      }
    }
    return false;
  }

  /** Reads to the end; true when every remaining byte is zero (padding after the last gzip member). */
  async onlyZerosLeft(): Promise<boolean> {
    for (let chunk = await this.next(); chunk; chunk = await this.next()) {
      if (chunk.some((b) => b !== 0)) return false;
    }
    return true;
  }
}
