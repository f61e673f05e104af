/**
 * Terminal escape sequences as serial consoles and coreboot/depthcharge print them: CSI (`ESC [ ... m`), the string
 * sequences OSC (`ESC ] ... BEL`), APC (Buildkite's `ESC _ bk;t=1764163201123 BEL` time stamp on every line), DCS,
 * PM and SOS, other escapes (`ESC c`, `ESC ( B`), and a lone ESC left by a cut line.
 */
const escapePattern = (stringText: string): RegExp =>
  new RegExp(String.raw`\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]_P^X]${stringText}*(?:\x07|\x1b\\)?|[ -/]*[0-~]|)`, 'g');

/** Every escape sequence of one line (parse/prefix-ansi.ts). */
export const ANSI_ESCAPE = escapePattern(String.raw`[^\x07\x1b]`);

/**
 * ANSI_ESCAPE for text of many lines (ingest/ansi-stripper.ts): a string sequence's text stops at the end of its
 * line, as it does when the pattern is run on one line.
 */
export const ANSI_ESCAPE_IN_LINES = escapePattern(String.raw`[^\x07\x1b\n]`);
