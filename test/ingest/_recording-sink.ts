import type { LineSink } from '../../src/ingest/line-sink.js';

export interface Delivered {
  lineNo: number;
  text: string;
  truncated: boolean;
}

/** A LineSink that records deliveries; `everyLine` fixes wantsEveryLine, or a function decides after each line. */
export class RecordingSink implements LineSink {
  readonly lines: Delivered[] = [];
  wantsEveryLine: boolean;

  constructor(
    readonly triggers: readonly string[],
    private readonly mode: boolean | ((text: string, current: boolean) => boolean) = true,
  ) {
    this.wantsEveryLine = typeof mode === 'boolean' ? mode : false;
  }

  pushLine(lineNo: number, text: string, truncated: boolean): void {
    this.lines.push({ lineNo, text, truncated });
    if (typeof this.mode === 'function') this.wantsEveryLine = this.mode(text, this.wantsEveryLine);
  }
}

/** Like the segmenter: every line from `cut here` until `end trace`. */
export const splatWindow = (text: string, current: boolean): boolean =>
  text.includes('cut here') ? true : text.includes('end trace') ? false : current;

export async function* chunksOf(data: Buffer, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    const size = Math.max(1, sizes.length > 0 ? (sizes[i % sizes.length] ?? 1) : data.length);
    yield data.subarray(at, at + size);
    at += size;
  }
}
