/**
 * rsyslog writes a control character of a message as `#` and its three octal digits
 * (`$EscapeControlCharactersOnReceive`, on by default): a kernel message printed with embedded newlines (4.x arm64's
 * `Virtual kernel memory layout:` block, read from /dev/kmsg by imklog or from the journal by imjournal) comes as one
 * line with `#012` in it. rsyslog leaves a `#` of the message as it is, so `#012` is only read as a newline in a
 * kernel line of a syslog format rsyslog writes: elsewhere it is text.
 */
const ESCAPED_NEWLINE = '#012';

/** The text of a syslog line after its host and tag: with `#012` as the newline it was, when the tag is the kernel's. */
export function rsyslogKernelText(text: string, tag: string | undefined): string {
  return tag === 'kernel' && text.includes(ESCAPED_NEWLINE) ? text.replaceAll(ESCAPED_NEWLINE, '\n') : text;
}
