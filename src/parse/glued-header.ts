import type { LogRecord } from './types.js';
import { matchHeader } from './formats.js';

// `s`: `.` takes U+2028 and U+2029 too, which stay inside a line; a line holding one had failed in n² steps.
const EMBEDDED_STAMP = /^(?<before>.*?\S)\s*\[\s*(?<ts>\d+\.\d+)\](?:\[\s*(?<caller>[CT]\d+)\])? (?<text>.*)$/s;

/**
 * A kernel record glued onto other console output on one line: syzkaller's `syzkaller login: [  417.725670][
 * C1] rcu: INFO: ...` or an initramfs shell's `/init: 384: .: [  271.403835] Kernel panic - not syncing: ...`.
 * Returns the record from its printk stamp on when it opens a report, else undefined. Records that carry a stamp of
 * their own are left alone.
 */
export function ungluedHeader(rec: LogRecord): LogRecord | undefined {
  if (rec.ts !== undefined) return undefined;
  const g = EMBEDDED_STAMP.exec(rec.text)?.groups;
  if (g?.text === undefined || !matchHeader(g.text)) return undefined;
  const record: LogRecord = { ...rec, text: g.text, ts: Number(g.ts) };
  if (g.caller !== undefined) record.caller = g.caller;
  return record;
}
