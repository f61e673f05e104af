import type { PrefixRule } from './prefix-rules.js';
import { textAfter } from './prefix-syslog-parts.js';

/**
 * What Android vendors' kernels (Samsung, MediaTek, Qualcomm, HiSilicon) print around or after the printk time, in
 * place of or beside PRINTK_CALLER: their phones' and boards' logs reach LKML and linux-mm with these on every line.
 */

/**
 * Samsung's Exynos/Android kernels: `[%d:%15s:%5d]`, the CPU, the task's comm and its pid, after the time
 * (`[   79.419177] [4:     netbpfload:  825] BUG: KASAN: …`, kasan-dev 2025). A comm may hold a colon
 * (`kworker/u16:3`).
 */
export const SAMSUNG_CPU_COMM_PID: PrefixRule = {
  name: 'Samsung cpu:comm:pid `[4:     netbpfload:  825] `',
  firstChars: '[',
  // `[^\]]+?` alone, not ` *[^\]]+?`: the same matches, and no backtracking through a long run of blanks after the
  // first colon (quadratic: 0.6 s for a line of 60 KB).
  re: /^\[ *(\d+):[^\]]+?: *(\d+)\] ?/,
  // The task is the caller, as MediaTek's is: two tasks' interleaved reports had mixed into one (an idle task's, pid
  // 0 on each CPU, is its CPU).
  take: (m, into) => {
    into.caller ??= m[2] === '0' ? `C${m[1]!}` : `T${m[2]!}`;
    return textAfter(m);
  },
};

/**
 * MediaTek: a context mark (` `, `-` with irqs off, `.`), the CPU and `[pid:comm]` glued to the message after the
 * time (`<0>[  976.945701]-(5)[7247:insmod]Internal error: Oops: 96000005 [#1] PREEMPT SMP`, an MT8195 crash log).
 * The CPU is in hex, and alone while the console is suspended. The task is the caller, so that two tasks' interleaved
 * reports stay apart as with `[  T123]`; an idle task's (pid 0, one on each CPU) is its CPU.
 */
export const MEDIATEK_CPU_TASK: PrefixRule = {
  name: 'MediaTek cpu and task `-(5)[7247:insmod]`',
  firstChars: ' -.(',
  // Alone, the CPU is taken in decimal digits only: `(bad)` or `(ace)` may start a message.
  re: /^[ .-]?\((?:([0-9a-f]+)\)\[(\d+):[^\]]*\]|\d+\))/,
  take: (m, into) => {
    if (m[2] !== undefined) into.caller ??= m[2] === '0' ? `C${parseInt(m[1]!, 16)}` : `T${m[2]}`;
    return textAfter(m);
  },
};

/**
 * The printk time as two vendors changed it: Qualcomm's msm kernels add the CPU (`[    0.000000,0] `), HiSilicon's
 * Kirin kernels an `s` (`[ 4433.467956s]`). Not the CPU as caller: a report's lines may come from two CPUs.
 */
export const VENDOR_PRINTK_TIME: PrefixRule = {
  name: 'printk time with the CPU or an `s` `[    0.000000,0] `',
  firstChars: '[',
  re: /^\[ *(\d+\.\d+)(?:,\d+|s)\] ?/,
  take: (m, into) => {
    into.ts ??= Number(m[1]);
    return textAfter(m);
  },
};

/** HiSilicon's Kirin kernels after the time: the wall clock, then the task (`[2016:04:13 11:06:41][pid:324,cpu2,lmkd]`). */
export const HISILICON_WALL_CLOCK: PrefixRule = {
  name: 'HiSilicon wall clock `[2016:04:13 11:06:41]`',
  firstChars: '[',
  re: /^\[(\d{4}):(\d\d):(\d\d) (\d\d:\d\d:\d\d)\] ?/,
  take: (m, into) => {
    into.wallTime ??= `${m[1]!}-${m[2]!}-${m[3]!}T${m[4]!}`;
    return textAfter(m);
  },
};

export const HISILICON_TASK: PrefixRule = {
  name: 'HiSilicon task `[pid:324,cpu2,lmkd]`',
  firstChars: '[',
  re: /^\[pid:(\d+),cpu\d+,[^\]]*\] ?/,
  take: (m, into) => {
    into.caller ??= `T${m[1]!}`;
    return textAfter(m);
  },
};

/** HiSilicon BSP kernels in place of the printk time: the wall clock to the second (`[20220819163739]`, LKML 2022). */
export const HISILICON_DIGIT_STAMP: PrefixRule = {
  name: 'HiSilicon stamp `[20220819163739]`',
  firstChars: '[',
  re: /^\[(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\] ?/,
  take: (m, into) => {
    into.wallTime ??= `${m[1]!}-${m[2]!}-${m[3]!}T${m[4]!}:${m[5]!}:${m[6]!}`;
    return textAfter(m);
  },
};
