/**
 * Terminal escape sequences as serial consoles and coreboot/depthcharge print them: CSI (`ESC [ ... m`), the string
 * sequences OSC (`ESC ] ... BEL`), APC (Buildkite's `ESC _ bk;t=1764163201123 BEL` time stamp on every line), DCS,
 * PM and SOS, other escapes (`ESC c`, `ESC ( B`), and a lone ESC left by a cut line.
 */
const ANSI_ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]_P^X][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~]|)/g;

/** Removes every ANSI escape sequence from the line. */
export function stripAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ANSI_ESCAPE, '') : line;
}
