/** The line that opens every panic: panic() prints it first, whatever made the kernel panic. */
export const PANIC_LINE = 'Kernel panic - not syncing';
