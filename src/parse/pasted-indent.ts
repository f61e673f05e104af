import { matchHeader } from './formats.js';
import { isOpener } from './segmenter.js';
import { afterBlanks, isBlankCode } from '../util/blanks.js';

/**
 * The line dump_stack_print_info starts a report's context with (`CPU: 0 UID: 1000 PID: 1497409 Comm: mpv …`), which
 * the kernel never indents: a commit message may quote a splat whose header is stamped and the rest indented.
 */
const CPU_LINE = /^CPU: \d+ (?:UID: \d+ )?PID: \d+ Comm: /;

/**
 * A log pasted indented and without printk stamps (a commit message, a Markdown code block, a reply indented by
 * hand): every line starts with the same blanks, which no kernel header does. The indent is learned from a line that
 * is a splat header, an opener or a report's CPU line once its blanks are removed, and removed from the lines after it
 * while they carry it; the first line without it (a blank one aside) ends it. An indent before a stamp is a prefix
 * rule's (prefix-rules.ts).
 */
export class PastedIndent {
  private indent: string | undefined;

  /** The text with the pasted indent removed (learning it on a header), or as it was. */
  strip(text: string): string {
    const blankLead = isBlankCode(text.charCodeAt(0));
    if (this.indent !== undefined) {
      if (text.startsWith(this.indent)) return text.slice(this.indent.length);
      if (text.trim() !== '') this.indent = undefined;
    }
    if (!blankLead) return text;
    const start = afterBlanks(text, 1);
    if (!mayStartReport(text, start)) return text;
    const body = text.slice(start);
    if (matchHeader(body) === undefined && !isOpener(body) && !CPU_LINE.test(body)) return text;
    this.indent = text.slice(0, start);
    return body;
  }
}

/**
 * Not a call trace frame, the commonest indented line by far (` func+0x1/0x2`, ` ? func…`, ` [<addr>] func…`):
 * told apart in place, as every frame of a storm comes here.
 */
function mayStartReport(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c === 0x3f /* ? */ || (c === 0x5b /* [ */ && text.charCodeAt(start + 1) === 0x3c) /* < */ || Number.isNaN(c)) return false;
  const offset = text.indexOf('+0x', start);
  if (offset === -1) return true;
  const space = text.indexOf(' ', start);
  return space !== -1 && space < offset;
}
