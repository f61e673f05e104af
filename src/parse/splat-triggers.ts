import { PANIC_LINE } from './panic-line.js';

/**
 * Case-sensitive substrings, one of which every splat header line contains: a fast reader may skip lines without
 * any of them while no splat is open. `formats.ts` takes each row's needle from this list.
 */
export const SPLAT_TRIGGERS: readonly string[] = [
  'WARNING:',
  'BUG:',
  'kernel BUG at',
  'Unable to handle kernel',
  'Internal error:',
  'Oops',
  PANIC_LINE,
  'INFO: task ',
  'INFO: rcu_',
  'INFO: trying to register non-static key',
  'INFO: possible ',
  'INFO: inconsistent lock state',
  'INFO: suspicious RCU usage',
  'UBSAN:',
  'general protection fault',
  'PANIC: double fault',
  'Unhandled fault:',
  'Alignment trap:',
  'Insufficient stack space',
  // arm64's SError and (4.10-4.18) bad-mode reports. Both needles find their fingerprint among the others' windows
  // ('Inte' of 'Internal error:'): the byte-level scan's candidates stay as they were, where 'SError Interrupt' had
  // tripled them on a quiet log and 'Bad mode in' made them 2.6 times. Each starts with a letter other needles start
  // with: the record needle regex took 1.4 to 2 times as long with 'SError Interrupt on CPU' (its first `S`).
  'Interrupt on CPU',
  'handler detected on CPU',
  // arm64's NMI and buddy hard-lockup detectors (and x86's): `watchdog: Watchdog detected hard LOCKUP on cpu 2`. Cut
  // short on purpose: the prefilter's fingerprint of 'hard LOCKUP' shared buckets badly (its scan of a quiet log took
  // 40 % longer, 3.6x the candidates; 17 % more on the corpus), that of 'hard LO' costs under 1 % (4 % on the corpus).
  'hard LO',
  'cut here',
  // Trusty's panic line (`trusty: panic (caller 0x…): …`): 'trusty: panic' would be found through a common
  // four-byte window, and cost the byte-level scan of a quiet log 7 %; this needle costs it under 1 %.
  'panic (caller ',
];

/**
 * Needles of headers printed only on the line right after a `=====` rule (mm/slub.c slab_bug: the rule, then
 * `BUG kmalloc-64 (Not tainted): Object already free`). The rule is a hit of the byte-level prefilter already (its
 * `=\n`), and the segmenter, waiting for the header an opener announces, is then given the next lines: the record
 * screen and FORMATS use these, the prefilter need not.
 */
export const AFTER_RULE_NEEDLES: readonly string[] = ['BUG '];
