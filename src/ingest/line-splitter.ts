import split2 from 'split2';
import type { Transform } from 'node:stream';

/**
 * split2 driven synchronously: every write holds complete `\n`-terminated lines, and the mapper hands each decoded
 * line to `onLine` and returns undefined, so the transform pushes nothing and completes inside `write()`.
 * The split2 stream is an implementation detail; an exception from `onLine` is rethrown from `write()`.
 */
export class LineSplitter {
  private readonly stream: Transform;
  private failure: { error: unknown } | undefined;

  constructor(onLine: (text: string) => void) {
    this.stream = split2('\n', (line: string): undefined => {
      try {
        onLine(line);
      } catch (error) {
        this.failure = { error };
        throw error;
      }
      return undefined;
    });
    // The failure is rethrown synchronously by write(); the stream's own 'error' event carries nothing new.
    this.stream.on('error', () => undefined);
  }

  /** Splits and decodes `lines`, which must end with `\n`. */
  write(lines: Buffer): void {
    this.stream.write(lines);
    if (this.failure !== undefined) throw this.failure.error;
  }
}
