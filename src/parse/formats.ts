import { anyLiteral } from '../util/escape-regexp.js';
import type { SplatKind } from './types.js';
import { HANG_SKIP } from './stall-anchors.js';
import { RULE } from './rule-line.js';
import { SYMBOL_NAME } from './fields/symbol-name.js';
import { PANIC_LINE } from './panic-line.js';

/** Where the function that completes a title (`... in <func>`) comes from. */
export type FrameSource =
  /** First frame not skipped: the PC line (`pc :`, `RIP:`, `PC is at`, `epc :`), then the call trace. */
  | 'stack'
  /** The PC line's function alone: no call trace is read (syzkaller's `PANIC: double fault` row). */
  | 'pc'
  /** The function named in the header (`BUG: KASAN: ... in func+...`), then the stack. */
  | 'header'
  /** The first `at: func+off/size` of a lockdep report. */
  | 'at'
  /** Stalls and soft lockups: the frame above the first dispatch anchor (syscall entry, workqueue, softirq). */
  | 'stall'
  /** Stack overflows: as a stall, from the call trace (the PC is wherever the stack ran out); else its first frame. */
  | 'stall-or-trace'
  /** Hung tasks: the first frame that is not scheduling, locking or waiting. */
  | 'hang'
  /**
   * Hard lockups: a CPU stuck in a device interrupt's handler is named after it (the frame above the IRQ core's
   * `__handle_irq_event_percpu`), not after the code the interrupt came in on; otherwise as a stall, else the first frame.
   */
  | 'irq-or-stall'
  /** The first `at: func+off/size` line alone, then the stack (lockdep's inconsistent lock state: the `takes:` site). */
  | 'first-at'
  /** The first frame kept of the stack after the format's `quotedAfter` line, then the stack. */
  | 'quoted'
  /** The function the format's `detail` line names alone (workqueue's `last function:`); no call trace is read. */
  | 'detail';

/** One kind of splat header: a cheap substring first, then the regex (syzkaller's pkg/report model). */
export interface SplatFormat {
  kind: SplatKind;
  /** Substring of SPLAT_TRIGGERS (or AFTER_RULE_NEEDLES) that every matching line contains. */
  needle: string;
  /** A second substring every matching line contains, tested before `re`: the file a WARNING row is for. Each
   *  WARNING header of a storm went through five such regexes before its own (895 ns a header, ~300 with this). */
  also?: string;
  re: RegExp;
  /** `{1}`… regex groups, `{detail}` the `detail` capture, `{frame}` the title function (`corrupted` if none). */
  title: string;
  frame?: FrameSource;
  /** For `frame: 'quoted'`: the line the title's stack follows. */
  quotedAfter?: RegExp;
  /** More function-name patterns to look past, for this format only. */
  skip?: RegExp;
  /** Only the x86 wording `Call Trace:` starts the frames the title reads (syzkaller still reads it so). */
  upperCaseTraceOnly?: boolean;
  /** Frames of every call trace count, not only the first (an RCU stall dumps the stalled CPU after others). */
  allTraces?: boolean;
  /** The title reads the frames below the first one matching this (the timer interrupt that caught a stall). */
  below?: RegExp;
  /** A later line that completes the title, e.g. KASAN's `Read of size 8`. */
  detail?: RegExp;
  /** The report is its header line alone. */
  lone?: boolean;
  /** The report has no call trace to wait for. */
  noTrace?: boolean;
  /** Joins the open report of the same CPU/task instead of opening one (`Internal error:`, `Kernel panic`). */
  escalates?: boolean;
  /**
   * The kernel dies of this report right after printing it (BUG(): the `Internal error: Oops - BUG` or x86 `Oops:
   * invalid opcode` that follows is its die()). Reports of kind oops, panic and kasan (arm64's tag-fault die) do too.
   */
  dies?: boolean;
  /** The report runs until a line matching this (KASAN/KFENCE `=====`), frames read anywhere inside. */
  until?: RegExp;
  /** Opens a report only on the line straight after a `=====` rule of its CPU or task (SLUB's `BUG kmalloc-64 …`). */
  afterRule?: boolean;
  /** Free-text headers also printed by firmware and userspace: only a record known to be kernel output (printk
   *  stamp, or a syslog/journal record tagged `kernel`) opens one. */
  needsKernelOrigin?: boolean;
  /** A header this format matches has lost part of what the title is read from: the report is corrupted for this. */
  corrupted?: string;
}

// Lockdep brackets some headers (`[ BUG: ... ]`), and a console may glue `syzkaller login: ` before one. A line with
// ` login: ` in it is matched by a second regex, so that the others need not look for it (3.5x faster per line);
// only the first ` login: ` may come before a header: trying the header after each one had been quadratic or worse.
const LEAD = String.raw`^(?:\[ )?`;
const LOGIN_LEAD = String.raw`^(?:(?:(?! login: ).)* login: |\[ )?`;
const LOGIN = ' login: ';
/** For each regex `h` made, the same header after a glued login prompt. */
const AFTER_LOGIN = new Map<RegExp, RegExp>();
const FUNC = String.raw`(?<func>${SYMBOL_NAME})\+0x[0-9a-f]+\/0x[0-9a-f]+`;
const h = (src: string): RegExp => {
  const re = new RegExp(LEAD + src);
  AFTER_LOGIN.set(re, new RegExp(LOGIN_LEAD + src));
  return re;
};

/**
 * Messages that begin `WARNING:` but report no kernel bug, printed on healthy boots: no splat of their own, or
 * `--fail-on warning` would fail them. arm64's setup.c says a bootloader broke the boot protocol (x1-x3, with the
 * values on the lines after); the workqueue line and sshd's are the ones syzkaller ignores; the mand one is a mount
 * option's deprecation notice (fs/namespace.c).
 */
const BENIGN_WARNING_LINES = [
  String.raw`x1-x\d nonzero in violation of boot protocol:`,
  'workqueue cpumask: online intersect > possible intersect',
  String.raw`\/etc\/ssh\/moduli does not exist`,
  'The mand mount option has been deprecated',
];

/** Socket locking that syzkaller looks past in lockdep reports and locking-bug WARNINGs. */
const LOCK_SOCK_SKIP = /lock_sock|release_sock/;
const ODEBUG_SKIP = /debug_|rcu|hrtimer_|timer_|work_|percpu_|kmem_|slab_|kfree|vunmap|vfree|__free_|kobject_/;
const RCU_SKIP = /rcu|kmem|slab|kmalloc|vmalloc|kcalloc|kzalloc/;
const WARNING_SITE = String.raw`WARNING: CPU: (?<cpu>\d+) PID: (?<pid>\d+) at (?<file>\S+):(?<line>\d+)`;

/**
 * A WARNING raised in `file`, in any of the three header generations (`CPU: n PID: m at file:line func`, 4.x
 * `at file:line func()`, 2025+ `[cond] file:line at func, CPU#n: ...`), with its site's fields.
 */
function warningIn(file: string): RegExp {
  return h(`${warningSite(file.replace(/\./g, '\\.'))}(?: (?:at )?${FUNC})?`);
}

/** A WARNING raised in a file matching `path` (a regex source) by a function whose name matches `func`. */
function warningInFunc(path: string, func: string): RegExp {
  return h(String.raw`${warningSite(path)} (?:at )?(?<func>${func})\+0x[0-9a-f]+\/0x[0-9a-f]+`);
}

function warningSite(path: string): string {
  return String.raw`WARNING: (?:CPU: (?<cpu>\d+) PID: (?<pid>\d+) at |at |(?:\[.*\] )?)(?<file>\S*?${path}):(?<line>\d+)`;
}

/** Header formats, most specific first; the first row whose needle and regex match wins. */
export const FORMATS: readonly SplatFormat[] = [
  // WARNING: one row per file that syzkaller names a bug class after, then the generic sites.
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: 'lib/debugobjects.c',
    re: warningIn('lib/debugobjects.c'),
    title: 'WARNING: ODEBUG bug in {frame}',
    skip: ODEBUG_SKIP,
  },
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: 'mm/usercopy.c',
    re: warningIn('mm/usercopy.c'),
    title: 'WARNING: bad usercopy in {frame}',
    skip: /usercopy|__check/,
  },
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: 'lib/kobject.c',
    re: warningIn('lib/kobject.c'),
    title: 'WARNING: kobject bug in {frame}',
  },
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: 'lib/refcount.c',
    re: warningIn('lib/refcount.c'),
    title: 'WARNING: refcount bug in {frame}',
    skip: /refcount/,
  },
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: 'kernel/locking/lockdep.c',
    re: warningIn('kernel/locking/lockdep.c'),
    title: 'WARNING: locking bug in {frame}',
    skip: LOCK_SOCK_SKIP,
  },
  // syzkaller's `WARNING: .*mm/.*\.c.* k?.?malloc` and `WARNING: .*mm/vmalloc.c.*__vmalloc_node`: an allocation
  // too large for kmalloc/kvmalloc, or a vmalloc of size 0, is its caller's bug.
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: 'malloc',
    re: warningInFunc(String.raw`mm\/\S+\.c`, String.raw`k?\w?malloc[\w.]*`),
    title: 'WARNING: kmalloc bug in {frame}',
    skip: /kmalloc|krealloc|slab|kmem/,
  },
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: '__vmalloc_node',
    re: warningInFunc(String.raw`mm\/vmalloc\.c`, String.raw`__vmalloc_node[\w.]*`),
    title: 'WARNING: zero-size vmalloc in {frame}',
  },
  // usb_submit_urb warns about its caller's URB: syzkaller titles it `<caller>/usb_submit_urb`.
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: 'usb_submit_urb',
    re: h(String.raw`WARNING: (?:CPU: (?<cpu>\d+) PID: (?<pid>\d+) at |at )(?<file>\S+):(?<line>\d+) (?<func>usb_submit_urb)\+0x[0-9a-f]+\/0x[0-9a-f]+`),
    title: 'WARNING in {frame}/usb_submit_urb',
    skip: /usb_start_wait_urb|usb_bulk_msg|usb_interrupt_msg/,
  },
  { kind: 'warning', needle: 'WARNING:', re: h(`${WARNING_SITE}(?: ${FUNC})?`), title: 'WARNING in {frame}' },
  // 4.x and older: `WARNING: at kernel/sched/core.c:7301 __might_sleep+0x77/0x80()`.
  {
    kind: 'warning',
    needle: 'WARNING:',
    re: h(String.raw`WARNING: at (?<file>\S+):(?<line>\d+)(?: ${FUNC})?`),
    title: 'WARNING in {frame}',
  },
  // 2025+: `WARNING: [cond] lib/debugobjects.c:615 at func+0x1/0x2, CPU#1: kworker/1:3/17677` (`at 0x0` when unknown).
  {
    kind: 'warning',
    needle: 'WARNING:',
    also: 'CPU#',
    re: h(
      // The lookahead only restates the end a match needs; without it a long line backtracked in n².
      String.raw`WARNING: (?=.*\/\d+\s*$)(?:\[.*\] )?(?<file>[\w./+-]+):(?<line>\d+) at (?:${FUNC}(?: \[[\w-]+\])?|0x[0-9a-f]+), ` +
        String.raw`CPU#(?<cpu>\d+): (?<comm>.+)\/(?<pid>\d+)\s*$`,
    ),
    title: 'WARNING in {frame}',
  },
  // lockdep and RCU-lockdep reports.
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: possible circular locking dependency detected'),
    title: 'possible deadlock in {frame}',
    frame: 'at',
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: possible recursive locking detected'),
    title: 'possible deadlock in {frame}',
    frame: 'at',
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: possible irq lock inversion dependency detected'),
    title: 'possible deadlock in {frame}',
    frame: 'at',
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: (?:(?!-safe -> ).)*-safe -> .*-unsafe lock order detected'),
    title: 'possible deadlock in {frame}',
    // As syzkaller: the stack that made the lock irq-safe, not the lock being taken (its reports 557-561).
    frame: 'quoted',
    quotedAfter: /which became \S+ at:\s*$/,
    skip: LOCK_SOCK_SKIP,
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: inconsistent lock state'),
    // syzkaller titles it from the `at:` line after `takes:` (the lock's site), then the stack (its reports 1003, 1004).
    title: 'inconsistent lock state in {frame}',
    frame: 'first-at',
    skip: LOCK_SOCK_SKIP,
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: suspicious RCU usage'),
    title: 'WARNING: suspicious RCU usage in {frame}',
    skip: RCU_SKIP,
  },
  // Before 4.10 lockdep bracketed its banners as INFO: `[ INFO: possible circular locking dependency detected ]`.
  {
    kind: 'lockdep',
    needle: 'INFO: possible ',
    re: h('INFO: possible (?:circular locking dependency|recursive locking|irq lock inversion dependency) detected'),
    title: 'possible deadlock in {frame}',
    frame: 'at',
  },
  {
    kind: 'lockdep',
    needle: 'INFO: inconsistent lock state',
    re: h('INFO: inconsistent lock state'),
    title: 'inconsistent lock state in {frame}',
    frame: 'first-at',
    skip: LOCK_SOCK_SKIP,
  },
  {
    kind: 'lockdep',
    needle: 'INFO: suspicious RCU usage',
    re: h('INFO: suspicious RCU usage'),
    title: 'INFO: suspicious RCU usage in {frame}',
    skip: RCU_SKIP,
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: bad unlock balance detected!'),
    title: 'WARNING: bad unlock balance in {frame}',
    skip: /print_unlock_imbalance_bug/,
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: held lock freed!'),
    title: 'WARNING: held lock freed in {frame}',
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h(String.raw`WARNING: \S+ still has locks held!`),
    title: 'WARNING: still has locks held in {frame}',
    frame: 'at',
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: Nested lock was not taken'),
    title: 'WARNING: nested lock was not taken in {frame}',
    frame: 'at',
  },
  {
    kind: 'lockdep',
    needle: 'WARNING:',
    re: h('WARNING: lock held when returning to user space'),
    title: 'WARNING: lock held when returning to user space in {frame}',
    frame: 'at',
    noTrace: true,
  },
  // x86's frame unwinder (arch/x86/kernel/unwind_frame.c) prints these with printk_deferred_once, an address, task
  // and pid in the line, and no call trace after: syzkaller's four rows (pkg/report/linux.go), in its order. A hashed
  // `%p` (`(ptrval)`) or a task name with a blank takes the last two, which give both messages one title.
  {
    kind: 'warning',
    needle: 'WARNING:',
    re: h(String.raw`WARNING: kernel stack regs at [0-9a-f]+ in \S* has bad '([^']+)' value`),
    title: "WARNING: kernel stack regs has bad '{1}' value",
    lone: true,
  },
  {
    kind: 'warning',
    needle: 'WARNING:',
    re: h(String.raw`WARNING: kernel stack frame pointer at [0-9a-f]+ in \S* has bad value`),
    title: 'WARNING: kernel stack frame pointer has bad value',
    lone: true,
  },
  {
    kind: 'warning',
    needle: 'WARNING:',
    re: h(String.raw`WARNING: kernel stack (?:regs .* has bad 'bp' value|frame pointer .* has bad value)`),
    title: 'WARNING: kernel stack regs has bad value',
    lone: true,
  },
  // A site header cut short (a capture or upload that ends mid-line, a console that lost the rest): the site rows
  // above did not match, and the free-text row below would make its stump (`WARNING: CPU: 3 P`) a title of its own.
  {
    kind: 'warning',
    needle: 'WARNING:',
    re: h(String.raw`WARNING: CPU: (?<cpu>\d+)(?: |$)`),
    title: 'WARNING in {frame}',
    corrupted: 'the WARNING line is cut short before its site',
  },
  {
    kind: 'warning',
    needle: 'WARNING:',
    re: new RegExp(String.raw`^WARNING: (?!${BENIGN_WARNING_LINES.join('|')})(\S(?:.*\S)?)\s*$`),
    title: 'WARNING: {1}',
    lone: true,
    needsKernelOrigin: true,
  },
  // BUG:
  {
    kind: 'kasan',
    needle: 'BUG:',
    re: h(String.raw`BUG: KASAN: double-free or invalid-free in ${FUNC}`),
    title: 'KASAN: invalid-free in {frame}',
    frame: 'header',
    skip: /kmem_|slab_|kfree|vunmap|vfree/,
    until: RULE,
  },
  {
    kind: 'kasan',
    needle: 'BUG:',
    re: h(String.raw`BUG: KASAN: ([a-z-]+) in ${FUNC}`),
    title: 'KASAN: {1} {detail} in {frame}',
    frame: 'header',
    detail: /^(Read|Write) (?:of size \d+|at addr)/,
    until: RULE,
  },
  { kind: 'kasan', needle: 'BUG:', re: h('BUG: KASAN: (.*)'), title: 'KASAN: {1}', until: RULE },
  {
    kind: 'kfence',
    needle: 'BUG:',
    re: h(String.raw`BUG: KFENCE: ([a-z -]+?) in ${FUNC}`),
    title: 'KFENCE: {1} in {frame}',
    frame: 'header',
    skip: /kfence/,
    until: RULE,
  },
  {
    kind: 'other',
    needle: 'BUG:',
    re: h(String.raw`BUG: KMSAN: ([a-z-]+) in ${FUNC}`),
    title: 'KMSAN: {1} in {frame}',
    frame: 'header',
    // The USB entries are syzkaller's kernel-usb-infoleak row's; the rest its `BUG: KMSAN:` row's (linux.go): the
    // skb allocator and netlink's ack, and the crypto API under its user (`aes_encrypt` … `crypto_skcipher_encrypt`
    // above `fscrypt_crypt_block`, report 699): "the generic code is a bad candidate for bug titles".
    skip: /kmsan|usb_submit_urb|usb_start_wait_urb|usb_bulk_msg|usb_interrupt_msg|usb_control_msg|alloc_skb|netlink_ack|netlink_rcv_skb|_encrypt$|^(?:crypto|cipher|drbg|rng)_/,
    until: RULE,
  },
  { kind: 'other', needle: 'BUG:', re: h('BUG: KCSAN: (.*)'), title: 'KCSAN: {1}', noTrace: true, until: RULE },
  {
    kind: 'oops',
    needle: 'BUG:',
    re: h('BUG: (?:unable to handle kernel paging request|unable to handle page fault for address|' +
      'Unable to handle kernel data access)'),
    title: 'BUG: unable to handle kernel paging request in {frame}',
  },
  {
    kind: 'oops',
    needle: 'BUG:',
    re: h('BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference|' +
      'Kernel NULL pointer dereference)'),
    title: 'BUG: unable to handle kernel NULL pointer dereference in {frame}',
  },
  {
    kind: 'bug',
    needle: 'BUG:',
    // rwlocks print the same debug messages (kernel/locking/spinlock_debug.c), and syzkaller titles them alike
    // (report 537); `cpu recursion` and `trylock failure on UP` are spinlock_debug.c's too.
    re: h('BUG: (spinlock|rwlock) (lockup suspected|already unlocked|cpu recursion|recursion|bad magic|wrong owner|wrong CPU|trylock failure on UP)'),
    title: 'BUG: {1} {2} in {frame}',
    skip: /spin_|_lock|_unlock/,
  },
  {
    kind: 'soft-lockup',
    needle: 'BUG:',
    // Before 4.15 the watchdog printed `NMI watchdog: ` before it (vendor arm64 4.4-4.14 kernels still do).
    re: /^(?:(?:NMI )?watchdog: )?BUG: soft lockup/,
    title: 'BUG: soft lockup in {frame}',
    frame: 'stall',
  },
  {
    kind: 'lockdep',
    needle: 'BUG:',
    re: h(String.raw`BUG: \S+ still has locks held!`),
    title: 'BUG: still has locks held in {frame}',
    frame: 'at',
  },
  {
    kind: 'lockdep',
    needle: 'BUG:',
    re: h('BUG: bad unlock balance detected!'),
    title: 'BUG: bad unlock balance in {frame}',
    skip: /print_unlock_imbalance_bug/,
  },
  { kind: 'lockdep', needle: 'BUG:', re: h('BUG: held lock freed!'), title: 'BUG: held lock freed in {frame}' },
  // Since 5.7 lockdep prints `[ BUG: Invalid wait context ]`; syzkaller files it as a locking bug.
  { kind: 'lockdep', needle: 'BUG:', re: h('BUG: Invalid wait context'), title: 'WARNING: locking bug in {frame}' },
  { kind: 'bug', needle: 'BUG:', re: h('BUG: Bad rss-counter state'), title: 'BUG: Bad rss-counter state', lone: true },
  {
    kind: 'bug',
    needle: 'BUG:',
    re: h('BUG: Bad page state'),
    title: 'BUG: Bad page state in {frame}',
    upperCaseTraceOnly: true,
  },
  { kind: 'bug', needle: 'BUG:', re: h('BUG: Bad page map'), title: 'BUG: Bad page map' },
  { kind: 'bug', needle: 'BUG:', re: h('BUG: workqueue lockup'), title: 'BUG: workqueue lockup', noTrace: true },
  {
    kind: 'bug',
    needle: 'BUG:',
    re: h('BUG: sleeping function called from invalid context'),
    title: 'BUG: sleeping function called from invalid context in {frame}',
  },
  {
    kind: 'bug',
    needle: 'BUG:',
    re: h('BUG: scheduling while atomic'),
    title: 'BUG: scheduling while atomic in {frame}',
    skip: HANG_SKIP,
  },
  {
    kind: 'bug',
    needle: 'BUG:',
    re: h(String.raw`BUG: using (\w+)\(\) in preemptible`),
    title: 'BUG: using {1}() in preemptible code in {frame}',
    skip: /preempt|debug_|processor_id|this_cpu/,
  },
  {
    kind: 'bug',
    needle: 'BUG:',
    // 5.16+ names the stack: `BUG: TASK stack guard page was hit at ...` (syzbot titles both alike).
    re: h(String.raw`BUG: (?:\w+ )?stack guard page was hit`),
    title: 'BUG: stack guard page was hit in {frame}',
  },
  // kmemleak: the first frame of its `backtrace:` past the allocator.
  {
    kind: 'bug',
    needle: 'BUG:',
    re: h(String.raw`BUG: memory leak\s*$`),
    title: 'memory leak in {frame}',
    skip: /kmemleak|alloc|kmem|slab|mmap|create_object|idr_get|list_lru_init|kasprintf|pcpu_create|strn?dup|memdup/,
  },
  // fs/dcache.c's umount_check (a WARN_ON follows): the dentry's address, name and count, and the filesystem's type
  // and device, are left out of the title, as syzkaller's row does (loop0/1/2 had split one bug into many).
  {
    kind: 'bug',
    needle: 'BUG:',
    re: h(String.raw`BUG: Dentry .* still in use \(\d+\) \[(unmount) of `),
    title: 'BUG: Dentry still in use in {1}',
  },
  // kernel/workqueue.c, after a work function returned holding a lock or in atomic context: the header names the
  // worker (comm/preempt count/pid), the next line the work function, which syzkaller's row names the report after.
  {
    kind: 'bug',
    needle: 'BUG:',
    re: h('BUG: workqueue leaked lock or atomic'),
    title: 'BUG: workqueue leaked lock or atomic in {frame}',
    frame: 'detail',
    detail: /^\s*last function: ([A-Za-z0-9_.]+)/,
  },
  { kind: 'bug', needle: 'BUG:', re: h(String.raw`BUG: (\S(?:.*\S)?)\s*$`), title: 'BUG: {1}' },
  {
    kind: 'bug',
    needle: 'kernel BUG at',
    re: h('kernel BUG at mm/usercopy\\.c'),
    dies: true,
    title: 'BUG: bad usercopy in {frame}',
    skip: /usercopy|__check/,
  },
  {
    kind: 'bug',
    needle: 'kernel BUG at',
    re: h('kernel BUG at lib/list_debug\\.c'),
    dies: true,
    title: 'BUG: corrupted list in {frame}',
  },
  {
    kind: 'bug',
    needle: 'kernel BUG at',
    re: h(String.raw`kernel BUG at (?<file>[^:\s]+):(?<line>\d+)`),
    dies: true,
    title: 'kernel BUG in {frame}',
  },
  // arm64 and arm32 `Unable to handle kernel paging request at virtual address ...`; `access to user memory` is
  // followed by `outside uaccess routines` on arm64 and `without uaccess routines` on riscv.
  {
    kind: 'oops',
    needle: 'Unable to handle kernel',
    // powerpc words it `paging request for data at address`; arm64 `access to user memory outside uaccess routines`.
    re: h('Unable to handle kernel (paging request|NULL pointer dereference|access to user memory)(?: .+?)? at (?:virtual )?address'),
    title: 'BUG: unable to handle kernel {1} in {frame}',
  },
  // arm64's other kernel faults (`execute from non-executable memory`, `write to read-only memory`, `read from
  // unreadable memory`): syzkaller has no row for them and titles them by the line itself, the address as ADDR, as
  // syzbot's reports name them.
  {
    kind: 'oops',
    needle: 'Unable to handle kernel',
    re: h('Unable to handle kernel ([a-z][a-z -]*[a-z]) at virtual address [0-9a-f]+'),
    title: 'Unable to handle kernel {1} at virtual address ADDR',
  },
  {
    kind: 'oops',
    needle: 'Internal error:',
    re: h('Internal error: '),
    title: 'Internal error in {frame}',
    escalates: true,
  },
  // x86 die() messages, which 6.10+ prefix with `Oops: ` (`Oops: general protection fault, probably for ...`):
  // before the `Oops` row, so that each keeps its own title. Only the general protection fault has a needle of its
  // own: before 6.10 `divide error: 0000 [#1]`, `invalid opcode: 0000 [#1]` and `stack segment: 0000 [#1]` are not
  // read, as needles for them cost every quiet log 3-17 % (README, Performance).
  {
    kind: 'oops',
    needle: 'general protection fault',
    re: h('(?:Oops: )?general protection fault'),
    title: 'general protection fault in {frame}',
  },
  // syzkaller's `divide error:` and `invalid opcode:` rows, like its double fault's, read the RIP line alone.
  { kind: 'oops', needle: 'Oops', re: h('Oops: divide error: '), title: 'divide error in {frame}', frame: 'pc' },
  { kind: 'oops', needle: 'Oops', re: h('Oops: stack segment: '), title: 'stack segment fault in {frame}' },
  // x86 BUG() is a ud2: `kernel BUG at` then `Oops: invalid opcode: 0000 [#1]`, which joins it.
  { kind: 'oops', needle: 'Oops', re: h('Oops: invalid opcode: '), title: 'invalid opcode in {frame}', escalates: true, frame: 'pc' },
  // syzkaller titles a double fault by its RIP line alone: its `Call Trace:` is often empty, and the trace that follows
  // is the `Machine halted.` panic's (panic, df_debug, do_double_fault), which names the handler, not the fault. A
  // RIP in a skipped frame (`trace_hardirqs_off_thunk`, report 315) is `in corrupted`.
  { kind: 'oops', needle: 'PANIC: double fault', re: h('PANIC: double fault'), title: 'PANIC: double fault in {frame}', frame: 'pc' },
  { kind: 'oops', needle: 'Oops', re: /^Oops(?::| -| \[#)/, title: 'Oops in {frame}', escalates: true },
  { kind: 'oops', needle: 'Unhandled fault:', re: h('Unhandled fault: '), title: 'Unhandled fault in {frame}' },
  { kind: 'oops', needle: 'Alignment trap:', re: h('Alignment trap: '), title: 'Alignment trap in {frame}' },
  // arm64's SError panic (arm64_serror_panic, 4.19+): the registers where the SError was taken (a powered-down
  // block's registers, a PCIe config read, an SMMU write: the pc names the access), then the panic line, which joins
  // it. Titled, and of the kind, as syzkaller sees the panic, which it alone reads: a lookup of syzbot's reports, and
  // the cluster id of a log that had it, stay as they were.
  {
    kind: 'panic',
    needle: 'Interrupt on CPU',
    re: h(String.raw`SError Interrupt on CPU\d+, code 0x[0-9a-f]+ -- `),
    title: 'kernel panic: Asynchronous SError Interrupt',
  },
  // 4.10-4.18 (bad_mode): `Bad mode in Error handler detected on CPU3, code 0xbf000002 -- SError`, then the registers
  // and the panic. Before 4.10 it printed no CPU (`Bad mode in %s handler detected, code`), then `Internal error:
  // Oops - bad mode`: not read, as no needle for that line costs the byte-level scan nothing (`, code` cost 20 %).
  {
    kind: 'panic',
    needle: 'handler detected on CPU',
    re: h(String.raw`Bad mode in (.+?) handler detected on CPU\d+, code 0x[0-9a-f]+ -- `),
    // syzkaller's title of the panic (report 542).
    title: 'kernel panic: bad mode',
  },
  // arm64 overflow handler; the `Kernel panic - not syncing: kernel stack overflow` that follows escalates it.
  {
    kind: 'bug',
    needle: 'Insufficient stack space',
    re: h('Insufficient stack space to handle exception!'),
    title: 'kernel stack overflow in {frame}',
    // syzkaller: the Call trace through its stall extractor, past the overflow handler (report_663).
    frame: 'stall-or-trace',
    skip: /bad_stack/,
  },
  {
    kind: 'panic',
    needle: PANIC_LINE,
    re: h(String.raw`Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: ${FUNC}`),
    title: 'kernel panic: stack is corrupted in {frame}',
    frame: 'header',
    escalates: true,
    noTrace: true,
  },
  {
    kind: 'panic',
    needle: PANIC_LINE,
    re: h('Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: [0-9a-f]+'),
    title: 'kernel panic: stack is corrupted in {frame}',
    skip: /stack_chk/,
    escalates: true,
  },
  {
    kind: 'panic',
    needle: PANIC_LINE,
    re: h('Kernel panic - not syncing: corrupted stack end detected inside scheduler'),
    title: 'kernel panic: corrupted stack end in {frame}',
    frame: 'stall',
    skip: /schedule|retint_kernel/,
    escalates: true,
  },
  // The same overflow when the console lost its first line, as syzbot's arm64 reports start (syzkaller's row for the
  // panic line): the Insufficient row's report, which it joins, is titled alike.
  {
    kind: 'bug',
    needle: PANIC_LINE,
    re: h('Kernel panic - not syncing: kernel stack overflow'),
    title: 'kernel stack overflow in {frame}',
    frame: 'stall-or-trace',
    skip: /bad_stack/,
    escalates: true,
  },
  {
    kind: 'panic',
    needle: PANIC_LINE,
    re: h('Kernel panic - not syncing: Attempted to kill init!'),
    title: 'kernel panic: Attempted to kill init!',
    escalates: true,
    noTrace: true,
  },
  {
    kind: 'panic',
    needle: PANIC_LINE,
    re: h("Kernel panic - not syncing: Couldn't open N_TTY ldisc for \\S+ --- error -\\d+"),
    title: "kernel panic: Couldn't open N_TTY ldisc",
    escalates: true,
    noTrace: true,
  },
  {
    kind: 'panic',
    needle: PANIC_LINE,
    re: h(String.raw`Kernel panic - not syncing: ((?:.*\S)?)\s*$`),
    title: 'kernel panic: {1}',
    escalates: true,
    noTrace: true,
  },
  {
    kind: 'hung-task',
    needle: 'INFO: task ',
    // `INFO: task syz-fuzzer:4433 blocked for more than 143 seconds.`: the blocked task is the report's task. A comm
    // may hold spaces (`Web Content`, or whatever a fuzzer set with PR_SET_NAME).
    re: h(String.raw`INFO: task (?<comm>\S.*?):(?<pid>\d+) blocked (?:in I/O wait )?for more than \d+ seconds`),
    title: 'INFO: task hung in {frame}',
    frame: 'hang',
  },
  {
    kind: 'rcu-stall',
    needle: 'INFO: rcu_',
    // RCU Tasks (5.8+): `INFO: rcu_tasks detected stalls on tasks:`, also rcu_tasks_trace and rcu_tasks_rude.
    re: /^(?:rcu: )?INFO: (?:rcu_(?:preempt|sched|bh) (?:self-)?detected(?: expedited)? stall|rcu_tasks(?:_trace|_rude)? detected stalls on tasks)/,
    title: 'INFO: rcu detected stall in {frame}',
    frame: 'stall',
    skip: /apic_timer_interrupt|rcu/,
    allTraces: true,
    below: /apic_timer_interrupt|^el1h?_64_irq$|^el1_irq$|^__irq_svc$/,
  },
  {
    // `watchdog: Watchdog detected hard LOCKUP on cpu 2` (`NMI watchdog:` before 4.15), then the locked-up CPU's
    // registers and trace. Named as a soft lockup is, by the frame above the first dispatch point, or after the
    // interrupt handler it is stuck in. Without the prefix it is the message of a WARN (4.4-era kernels), whose
    // WARNING report covers it.
    kind: 'hard-lockup',
    needle: 'hard LO',
    // Since 6.x the detecting CPU comes first: `watchdog: CPU1: Watchdog detected hard LOCKUP on cpu 2`.
    re: /^(?:NMI )?watchdog: (?:CPU\d+: )?Watchdog detected hard LOCKUP on cpu (?<cpu>\d+)/,
    title: 'hard LOCKUP in {frame}',
    frame: 'irq-or-stall',
  },
  {
    kind: 'lockdep',
    needle: 'INFO: trying to register non-static key',
    re: h('INFO: trying to register non-static key'),
    title: 'INFO: trying to register non-static key in {frame}',
    skip: /stack|lock|IRQ/,
  },
  // Before 5.x: `UBSAN: Undefined behaviour in drivers/usb/core/devio.c:1517:25`.
  {
    kind: 'ubsan',
    needle: 'UBSAN:',
    re: h('UBSAN: Undefined behaviour in '),
    title: 'UBSAN: Undefined behaviour in {frame}',
    skip: /ubsan|overflow/,
    until: RULE,
  },
  {
    kind: 'ubsan',
    needle: 'UBSAN:',
    re: h(String.raw`UBSAN: (\S+) in `),
    title: 'UBSAN: {1} in {frame}',
    skip: /ubsan|overflow/,
    until: RULE,
  },
  // SLUB debug (mm/slub.c slab_bug): `BUG kmalloc-64 (Not tainted): Object already free`, or `(Tainted: G  B  )`.
  // Its needle is no splat trigger: the line comes right after the rule (see AFTER_RULE_NEEDLES), and only there
  // opens a report, whichever path read it.
  {
    kind: 'bug',
    needle: 'BUG ',
    afterRule: true,
    re: h(String.raw`BUG \S+ \((?:Not tainted|Tainted: [^)]*)\): ((?:.*\S)?)\s*$`),
    title: 'BUG: {1} in {frame}',
    skip: /print_trailer|debug_processing|object_err|check_bytes_and_report|on_freelist|free_consistency_checks/,
  },
  // Trusty, the TEE of Android devices, panicking in the secure world: the kernel's trusty driver prints its log
  // (`trusty: panic (caller 0x…): …`), and the kernel then warns in trusty_std_call32, a report of its own.
  // Parentheses are matched as [^)]*, not syzkaller's .*?, so that a long line costs one pass.
  {
    kind: 'other',
    needle: 'panic (caller ',
    re: h(String.raw`trusty: panic \([^)]*\):(?: DEBUG)? ASSERT FAILED at \([^)]*\): (\S(?:.*\S)?)\s*$`),
    title: 'trusty: ASSERT FAILED: {1}',
    lone: true,
    needsKernelOrigin: true,
  },
  // The assertion's text went to a line of its own (or nowhere): the title keeps what follows the line's last colon.
  {
    kind: 'other',
    needle: 'panic (caller ',
    re: h(String.raw`trusty: panic(?=.* ASSERT FAILED)(?:.*: *)?([^:]*)$`),
    title: 'trusty: ASSERT FAILED: {1}',
    lone: true,
    needsKernelOrigin: true,
    corrupted: 'the trusty assertion is not on its panic line',
  },
  {
    kind: 'other',
    needle: 'panic (caller ',
    re: h(String.raw`trusty: panic \([^)]*\): (\S(?:.*\S)?)\s*$`),
    title: 'trusty: panic: {1}',
    lone: true,
    needsKernelOrigin: true,
  },
];

export interface HeaderMatch {
  format: SplatFormat;
  match: RegExpExecArray;
}

// Most lines of a report hold no needle at all: one regex over all of them rejects those before 61 substring checks.
const ANY_NEEDLE = anyLiteral([...new Set(FORMATS.map((f) => f.needle))]);

/**
 * JavaScript's `.` does not match U+2028 or U+2029: one inside a free-text header (`Kernel panic - not syncing: …`)
 * had made the whole report vanish, and `--fail-on` pass. Headers read them as spaces.
 */
function withoutLineSeparators(line: string): string {
  return line.includes('\u2028') || line.includes('\u2029') ? line.replace(/[\u2028\u2029]/g, ' ') : line;
}

/** The format of a header line and its match, or undefined when the line opens no splat. */
export function matchHeader(line: string): HeaderMatch | undefined {
  if (!ANY_NEEDLE.test(line)) return undefined;
  const text = withoutLineSeparators(line);
  const afterLogin = text.includes(LOGIN);
  for (const format of FORMATS) {
    if (!text.includes(format.needle) || (format.also !== undefined && !text.includes(format.also))) continue;
    const match = ((afterLogin && AFTER_LOGIN.get(format.re)) || format.re).exec(text);
    if (match) return { format, match };
  }
  return undefined;
}
