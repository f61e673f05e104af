/**
 * Terminal escape sequences as serial consoles and coreboot/depthcharge print them: CSI (`ESC [ ... m`), OSC
 * (`ESC ] ... BEL`), other escapes (`ESC c`, `ESC ( B`), and a lone ESC left by a cut line.
 */
const ANSI_ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~]|)/g;

/** Removes every ANSI escape sequence from the line. */
export function stripAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ANSI_ESCAPE, '') : line;
}
