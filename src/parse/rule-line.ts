/** The fewest `=` a line needs to be taken for a report rule; the kernel prints longer ones. */
const RULE_MIN_LENGTH = 20;

/** A line of `=` only: the rule around KASAN, UBSAN, KFENCE and lockdep reports, and below a lock dump. */
export const RULE = new RegExp(`^={${RULE_MIN_LENGTH},}$`);

/** A substring every rule holds: a needle of the record screen. */
export const RULE_NEEDLE = '='.repeat(RULE_MIN_LENGTH);
