import { decodeByteEscapes } from '../util/byte-escapes.js';

/**
 * `/dev/kmsg` records (Documentation/ABI/testing/dev-kmsg): `prio,seq,usec,flags[,key=value...];message`, e.g.
 * `6,339,5140900,-,caller=T1;text`, each optionally followed by continuation lines ` KEY=value` (dev_printk's
 * `SUBSYSTEM=`, `DEVICE=`) that describe the record and are not part of its message.
 */
export const KMSG_RECORD = /^(\d{1,3}),\d+,(\d+),[^;,]*((?:,[^;]*)?);/;

const KMSG_CONTINUATION = /^ [A-Z_][A-Z0-9_]*=/;

/** The line starts a `/dev/kmsg` record. */
export function isKmsgRecord(line: string): boolean {
  const c = line.charCodeAt(0);
  return c >= 48 && c <= 57 && KMSG_RECORD.test(line);
}

/** The line is a ` KEY=value` dictionary line of the previous `/dev/kmsg` record. */
export function isKmsgContinuation(line: string): boolean {
  return line.charCodeAt(0) === 32 && KMSG_CONTINUATION.test(line);
}

const BACKSLASH = 0x5c;

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  return c >= 97 && c <= 102 ? c - 87 : -1;
}

/** The byte of a `\xXX` escape (lower-case hex, as the kernel writes it) at `i`, or -1. */
function escapeAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== BACKSLASH || text.charCodeAt(i + 1) !== 0x78) return -1;
  const hi = hexDigit(text.charCodeAt(i + 2));
  const lo = hexDigit(text.charCodeAt(i + 3));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/**
 * A `/dev/kmsg` record's message as the kernel logged it. /dev/kmsg writes every byte below a space, from 127 up, and
 * the backslash as `\xXX` (msg_add_ext_text): a message printed with embedded newlines (4.x arm64's `Virtual kernel
 * memory layout:` block, a KFENCE header's closing `\n`) comes as one line with `\x0a` in it, and UTF-8 text byte by
 * byte. Runs of escapes are decoded as UTF-8; the newlines are the record's line breaks (RecordAssembler splits there).
 */
export function unescapeKmsg(message: string): string {
  return decodeByteEscapes(message, '\\x', 4, escapeAt);
}
