/**
 * A kernel symbol as traces print it, for building regexes: a C identifier that may carry a compiler suffix
 * (`.constprop.0`, `.isra.1`, `.cold`) or a `$` (`$x` mapping symbols).
 */
export const SYMBOL_NAME = String.raw`[A-Za-z_$][\w.$]*`;
