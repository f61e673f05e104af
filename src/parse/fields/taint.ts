import type { Taint } from '../types.js';

/**
 * The kernel's taint_flags table (kernel/panic.c; Documentation/admin-guide/tainted-kernels.rst): the letter
 * printed when the flag is set, and the flag's name without the `TAINT_` prefix. `G` in the first slot means
 * "not proprietary" and sets no flag.
 */
export const TAINT_FLAGS: Readonly<Record<string, string>> = {
  P: 'PROPRIETARY_MODULE',
  F: 'FORCED_MODULE',
  S: 'CPU_OUT_OF_SPEC',
  R: 'FORCED_RMMOD',
  M: 'MACHINE_CHECK',
  B: 'BAD_PAGE',
  U: 'USER',
  D: 'DIE',
  A: 'OVERRIDDEN_ACPI_TABLE',
  W: 'WARN',
  C: 'CRAP',
  I: 'FIRMWARE_WORKAROUND',
  O: 'OOT_MODULE',
  E: 'UNSIGNED_MODULE',
  L: 'SOFTLOCKUP',
  K: 'LIVEPATCH',
  X: 'AUX',
  T: 'RANDSTRUCT',
  N: 'TEST',
};

/** Decodes the taint text of a `CPU:` line: `Not tainted` or the flag letters as printed (`G        W  O`). */
export function decodeTaint(raw: string): Taint {
  if (raw === 'Not tainted') return { raw, flags: [] };
  const flags: string[] = [];
  for (const letter of raw) {
    const name = TAINT_FLAGS[letter];
    if (name !== undefined && !flags.includes(name)) flags.push(name);
  }
  return { raw, flags };
}

/** Flags named on the separate `Tainted: [W]=WARN, [O]=OOT_MODULE` line that kernels since 6.10 print. */
export function parseTaintNamesLine(text: string): string[] | undefined {
  if (!text.startsWith('Tainted: ')) return undefined;
  const m = /^Tainted: ((?:\[[A-Z]\]=[A-Z_]+(?:, )?)+)\s*$/.exec(text);
  if (!m?.[1]) return undefined;
  return [...m[1].matchAll(/\[[A-Z]\]=([A-Z_]+)/g)].map((x) => x[1] ?? '');
}
