/**
 * Lines that still belong to a report after its call trace: exception-stack and register dumps, x86 `<IRQ>`
 * markers, the `Code:` line, lockdep's irq-event stamps, and what `panic()` prints while the machine stops.
 * Anything else after a complete trace ends the report.
 */
const TAIL: readonly RegExp[] = [
  /^\s*<\/?(?:IRQ|TASK|NMI|EOI|SOFTIRQ)>\s*$/,
  /^Code: /,
  /^---\[ end /,
  /^(?:R[A-Z0-9]{1,3}|FS|CS|CR2|DR[0-7]|EFLAGS|ORIG_RAX): /,
  /^Exception stack\(/,
  /^[0-9a-f]{4}: (?:[0-9a-f]{8}| {8})/,
  // Vendor kernels (Rockchip, Android) dump memory around each register: `PC: 0xffffffc0107abb2c:` then rows.
  /^\s*[A-Z]{1,2}\d{0,2}: 0x[0-9a-f]+:\s*$/,
  /^[0-9a-f]{4}  [0-9a-f]{8} /,
  /^\s*$/,
  /^\s*r\d+ ?:[0-9a-f]{8}/,
  /^irq event stamp: /,
  /^(?:hard|soft)irqs last\s+(?:en|dis)abled at /,
  /^Kernel Offset: /,
  /^SMP: (?:stopping|failed to stop) secondary CPUs/,
  /^CPU\d+: stopping$/,
  /^CPU features: /,
  /^Memory Limit: /,
  /^PHYS_OFFSET: /,
  /^Rebooting in /,
  /^Dumping ftrace buffer:/,
  /^\s+\(ftrace buffer empty\)/,
  /^Disabling lock debugging due to kernel taint/,
  // debug_show_all_locks() after a hung task: `Showing all locks held in the system:`, `2 locks held by t/48:`, its
  // locks (` #0: ffff… (&priv->lock){+.+.}-{3:3}, at: …`; older, with no address: ` #0:  (&priv->lock){+.+.}, at: …`),
  // and the `=====` rule that closes it (see SplatBuilder).
  /^Showing all locks held in the system:/,
  /^(?:\d+ locks? held by |no locks held by )\S/,
  /^\s*#\d+: +(?:[0-9a-f]+ +)?\(/,
  /^Backtrace: frame pointer underflow/,
  // A console that fell behind (a storm) says so where it dropped lines, the middle of a trace included.
  /^\*\* \d+ printk messages dropped \*\*/,
  /^(?:CPU: \d+ |Hardware name: |Workqueue: |Tainted: \[)/,
  /^(?:pstate|pc|lr|sp) : /,
  /^Modules linked in:/,
];

// One alternation instead of a loop: this runs on every line after a trace.
const ANY_TAIL = new RegExp(TAIL.map((re) => `(?:${re.source})`).join('|'));

/** True when `text` may follow a report's call trace and still be part of the report. */
export function isReportTail(text: string): boolean {
  return ANY_TAIL.test(text);
}

const DUMP_ROW = /^[0-9a-f]{4}  [0-9a-f]{8}(?: [0-9a-f]{8}){7}$/;

/**
 * A row of the memory that vendor kernels (Rockchip, Android) dump around each register after an Oops:
 * `b92c  f9400aa1 eb03005f … a94153f3`. Some 400 of them follow a report, which still goes on to its `Code:` line and
 * end marker; they say nothing a report needs.
 */
export function isMemoryDumpRow(text: string): boolean {
  return text.length === 77 && text.charCodeAt(4) === 32 && text.charCodeAt(5) === 32 && DUMP_ROW.test(text);
}
