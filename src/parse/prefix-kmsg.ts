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
