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
  'Kernel panic - not syncing',
  'INFO: task ',
  'INFO: rcu_',
  'INFO: trying to register non-static key',
  'INFO: possible ',
  'INFO: inconsistent lock state',
  'INFO: suspicious RCU usage',
  'UBSAN:',
  'general protection fault',
  'Unhandled fault:',
  'Alignment trap:',
  'Insufficient stack space',
  'cut here',
];
