import { stripPrefixesUnchecked } from '../parse/prefix.js';
import { isSplatStart } from '../parse/boot-fact-lines.js';

/** The head of a line that is looked at: every kernel transport prefix is far shorter. */
const LINE_HEAD = 512;

/** Lines of a kernel report or boot that a log with no printk time still has (the splat headers: isSplatStart). */
const KERNEL_MESSAGE = /^(?:Linux version \d|Call [Tt]race:|Modules linked in:|CPU: \d+ PID: \d+ Comm: |Hardware name: )/;

/**
 * Whether a line carries what only kernel output carries: a printk time, a console log level or caller id, a stamp
 * util-linux dmesg writes, a syslog/journal header tagged `kernel`, or, with none of those, a kernel message of its
 * own (a splat header, `Call trace:`, `Linux version 6.1…`). A line another program wrote (a syslog tag other than
 * `kernel`, a LAVA line not from the target) does not count.
 */
export function isKernelLine(line: string): boolean {
  const s = stripPrefixesUnchecked(line);
  if (s.foreign === true) return false;
  if (s.ts !== undefined || s.level !== undefined || s.caller !== undefined || s.fromDmesg === true || s.host !== undefined) return true;
  return isSplatStart(s.text) || KERNEL_MESSAGE.test(s.text);
}

/**
 * Watches a text's chunks for a kernel line (isKernelLine), as they stream by, and stops looking at the first one:
 * a kernel log costs a line or two, only a file with none (notes, a build log) is looked at whole. Bytes are read as
 * Latin-1: the prefixes are ASCII, and no line is lost to a multi-byte character cut between chunks.
 */
export class KernelLineWatch {
  private found = false;
  /** The head of the line the last chunk ended in. */
  private head = '';

  observe(chunk: Buffer | string): void {
    if (this.found) return;
    const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1', 0, chunk.length);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = this.head + text.slice(start, Math.min(nl, start + LINE_HEAD));
      this.head = '';
      if (isKernelLine(line.slice(0, LINE_HEAD))) {
        this.found = true;
        return;
      }
      start = nl + 1;
    }
    if (this.head.length < LINE_HEAD) this.head += text.slice(start, start + LINE_HEAD - this.head.length);
  }

  /**
   * `input`'s chunks as they are, each observed on its way. Stopping the iteration (Ctrl-C: untilAborted calls
   * `return`) reaches `input` at once, as it did unwatched, even while a read of it is pending.
   */
  through(input: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
    return {
      [Symbol.asyncIterator]: () => {
        const it = input[Symbol.asyncIterator]();
        return {
          next: async () => {
            const next = await it.next();
            if (next.done !== true) this.observe(next.value);
            return next;
          },
          return: async (value?: unknown) => (it.return ? it.return(value) : { done: true as const, value: undefined }),
        };
      },
    };
  }

  /** Whether a kernel line was seen, the last line (with no line break after it) included. */
  sawKernelLine(): boolean {
    if (!this.found && this.head !== '') this.found = isKernelLine(this.head);
    this.head = '';
    return this.found;
  }
}
